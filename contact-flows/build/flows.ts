import type { FlowDocument } from '#flows/language/flow.schema.ts';
import type { FlowId } from '#flows/manifest.ts';
import { agentFlow } from './agent.ts';
import { appointmentsFlow } from './appointments.ts';
import { chatHandoverFlow } from './chat-handover.ts';
import { complaintsFlow } from './complaints.ts';
import { customerQueueFlow } from './customer-queue.ts';
import { knowledgeFlow } from './knowledge.ts';
import { mainFlow } from './main.ts';
import { menuFlow } from './menu.ts';
import { outboundCallbackFlow } from './outbound-callback.ts';
import { pensionsFlow } from './pensions.ts';
import { sayClipsModule } from './say-clips.ts';
import { surveyFlow } from './survey.ts';
import { trackingFlow } from './tracking.ts';

/** Every flow file in contact-flows/, by manifest id: one builder per file in this folder. */
export const FLOW_BUILDERS: Record<FlowId, () => FlowDocument> = {
  'say-clips': sayClipsModule,
  'customer-queue': customerQueueFlow,
  agent: agentFlow,
  tracking: trackingFlow,
  appointments: appointmentsFlow,
  pensions: pensionsFlow,
  complaints: complaintsFlow,
  survey: surveyFlow,
  knowledge: knowledgeFlow,
  menu: menuFlow,
  main: mainFlow,
  'outbound-callback': outboundCallbackFlow,
  'chat-handover': chatHandoverFlow,
};
