import { appointmentsCapability } from './appointments/capability.ts';
import { callerContextCapability } from './caller-context/capability.ts';
import { complaintsCapability } from './complaints/capability.ts';
import { knowledgeCapability } from './knowledge/capability.ts';
import { pensionsCapability } from './pensions/capability.ts';
import { speechCapability } from './speech/capability.ts';
import { surveyCapability } from './survey/capability.ts';
import { trackingCapability } from './tracking/capability.ts';

/** Every flow-invoked capability: the one list the manifest, local runtime and tests derive from. */
export const CAPABILITIES = [
  trackingCapability,
  speechCapability,
  pensionsCapability,
  complaintsCapability,
  surveyCapability,
  appointmentsCapability,
  callerContextCapability,
  knowledgeCapability,
] as const;

export type Capability = (typeof CAPABILITIES)[number];
