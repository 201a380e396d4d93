import { CAPABILITIES, type Capability } from '#lambdas/capabilities.ts';
import type { FlowType } from './language/flow.schema.ts';

/**
 * The contact centre's flows and modules, and the resources their placeholders stand for. CDK
 * fills each placeholder with the deployed resource's ARN; the local engine with a local
 * stand-in. Flows are listed so that each refers only to flows and modules listed before it
 * (CloudFormation cannot resolve cycles): a flow returns to the menu through the `menuFlow`
 * contact attribute that the main flow sets.
 */
export interface FlowDefinition {
  readonly id: string;
  /** File in contact-flows/. */
  readonly file: string;
  readonly type: FlowType | 'MODULE';
  readonly name: string;
  readonly description: string;
}

export const FLOWS = [
  {
    id: 'say-clips',
    file: 'modules/say-clips.json',
    type: 'MODULE',
    name: 'Huduma say clips',
    description: 'Plays the recorded Kiswahili clips a Lambda rendered ($.External.clip1..clipN)',
  },
  {
    id: 'customer-queue',
    file: 'customer-queue.json',
    type: 'CUSTOMER_QUEUE',
    name: 'Huduma customer queue',
    description:
      'While a caller waits: position in queue, call-back offer that keeps their place, hold messages',
  },
  {
    id: 'agent',
    file: 'agent.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma agent routing',
    description:
      'To an agent queue within hours; a call-back request for the next opening after hours',
  },
  {
    id: 'tracking',
    file: 'tracking.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma document tracking',
    description: 'Track a document application by number',
  },
  {
    id: 'appointments',
    file: 'appointments.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma appointments',
    description: 'Book, check, cancel or move an appointment at a Huduma Centre',
  },
  {
    id: 'pensions',
    file: 'pensions.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma pensions',
    description: 'Pension information, and status and service requests after proof of identity',
  },
  {
    id: 'complaints',
    file: 'complaints.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma complaints',
    description: 'Lodge a complaint with a reference, or hear the status of one',
  },
  {
    id: 'survey',
    file: 'survey.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma post-call survey',
    description: 'After the agent hangs up: CSAT (1-5) and NPS (0-10)',
  },
  {
    id: 'knowledge',
    file: 'knowledge.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma service information',
    description:
      'Information about a government service: a category, a service, its summary; by SMS on request (in Kiswahili at once)',
  },
  {
    id: 'menu',
    file: 'menu.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma main menu',
    description:
      'The public menu: 1 appointments, 2 tracking, 3 pensions, 4 complaints, 5 service information, 0 agent, 9 repeat',
  },
  {
    id: 'main',
    file: 'main.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma main inbound',
    description: 'Every inbound call: welcome, language, privacy notice, hours, then the menu',
  },
  {
    id: 'outbound-callback',
    file: 'outbound-callback.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma outbound call-back',
    description:
      'Calls a customer back (e.g. a resolved complaint): reads the reason, offers an agent',
  },
  {
    id: 'chat-handover',
    file: 'chat-handover.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma chat hand-over',
    description:
      'A text conversation handed to an agent (StartChatContact): queue within hours, else a message',
  },
] as const satisfies readonly FlowDefinition[];

export type FlowId = (typeof FLOWS)[number]['id'];

/** Lambda functions invoked from flows, by placeholder: one per capability (lambdas/capabilities.ts). */
export const FLOW_FUNCTIONS = Object.fromEntries(
  CAPABILITIES.map((capability) => [capability.placeholder, { handler: capability.handler }]),
) as { readonly [C in Capability as C['placeholder']]: { readonly handler: C['handler'] } };

/** Queues, by placeholder. */
export const QUEUES = {
  GeneralQueueArn: { id: 'general', name: 'General enquiries' },
  AppointmentsQueueArn: { id: 'appointments', name: 'Appointments' },
  PensionsQueueArn: { id: 'pensions', name: 'Pensions' },
  ComplaintsQueueArn: { id: 'complaints', name: 'Complaints' },
  CallbackQueueArn: { id: 'callbacks', name: 'Call-backs' },
} as const satisfies Record<string, { id: string; name: string }>;

/** Hours of operation, by placeholder. */
export const HOURS = {
  ContactCentreHoursArn: { id: 'contact-centre', name: 'Huduma Contact Centre' },
} as const satisfies Record<string, { id: string; name: string }>;

/** Placeholder of a flow's or module's own ARN, e.g. `MainFlowArn`, `SayClipsModuleArn`. */
export const flowPlaceholder = (id: string): string => {
  const definition = FLOWS.find((flow) => flow.id === id);
  const name = id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
  return `${name}${definition?.type === 'MODULE' ? 'Module' : 'Flow'}Arn`;
};

/** Every resource placeholder a flow may use. */
export const RESOURCE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...Object.keys(FLOW_FUNCTIONS),
  ...Object.keys(QUEUES),
  ...Object.keys(HOURS),
  ...FLOWS.map((flow) => flowPlaceholder(flow.id)),
]);
