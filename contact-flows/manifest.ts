import type { FlowType } from './language/flow.schema.ts';

/**
 * The contact centre's flows and the resources their placeholders stand for. CDK fills each
 * placeholder with the deployed resource's ARN; the local engine with a local stand-in.
 */
export interface FlowDefinition {
  readonly id: string;
  /** File in contact-flows/. */
  readonly file: string;
  readonly type: FlowType;
  readonly name: string;
  readonly description: string;
}

export const FLOWS = [
  {
    id: 'main',
    file: 'main.json',
    type: 'CONTACT_FLOW',
    name: 'Huduma main inbound',
    description: 'Welcome, self-service menu and routing for every inbound call',
  },
] as const satisfies readonly FlowDefinition[];

export type FlowId = (typeof FLOWS)[number]['id'];

/** Lambda functions invoked from flows, by placeholder; `handler` is lambdas/<handler>/handler.ts. */
export const FLOW_FUNCTIONS = {
  TrackingFunctionArn: { handler: 'tracking' },
  AppointmentsFunctionArn: { handler: 'appointments' },
} as const satisfies Record<string, { handler: string }>;

/** Queues, by placeholder. */
export const QUEUES = {
  GeneralQueueArn: { id: 'general', name: 'General enquiries' },
} as const satisfies Record<string, { id: string; name: string }>;

/** Hours of operation, by placeholder. */
export const HOURS = {
  ContactCentreHoursArn: { id: 'contact-centre', name: 'Huduma Contact Centre' },
} as const satisfies Record<string, { id: string; name: string }>;

/** Placeholder of a flow's own ARN, e.g. `MainFlowArn`. */
export const flowPlaceholder = (id: string): string =>
  `${id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}FlowArn`;

/** Every resource placeholder a flow may use. */
export const RESOURCE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...Object.keys(FLOW_FUNCTIONS),
  ...Object.keys(QUEUES),
  ...Object.keys(HOURS),
  ...FLOWS.map((flow) => flowPlaceholder(flow.id)),
]);
