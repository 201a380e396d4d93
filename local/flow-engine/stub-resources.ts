import type { FlowDocument, FlowType } from '#flows/language/flow.schema.ts';
import type { EngineResources, LoadedFlow, LocalQueue } from './types.ts';

export interface StubFlow {
  readonly id: string;
  readonly type: FlowType | 'MODULE';
  readonly document: FlowDocument;
}

export interface StubOptions {
  /** The flat result every stub Lambda answers with. @default {} */
  readonly lambdaResult?: Readonly<Record<string, string>>;
  /** Queues that exist by ARN (any other queue a flow names exists too, named by its ARN). */
  readonly queues?: readonly LocalQueue[];
}

/** The ARN a stub flow runs under. */
export const stubFlowArn = (id: string): string => `arn:stub:flow/${id}`;

/**
 * Engine resources for flows from other projects (and for tests): every `${Name}` or ARN the
 * flows use stands for itself, Lambdas answer `lambdaResult`, queues exist, hours are open,
 * prompts are spoken by their location.
 */
export const stubResources = (
  flows: readonly StubFlow[],
  { lambdaResult = {}, queues = [] }: StubOptions = {},
): EngineResources => ({
  instanceArn: 'arn:aws:connect:af-south-1:000000000000:instance/stub',
  flows: new Map(
    flows.map((flow): [string, LoadedFlow] => [
      stubFlowArn(flow.id),
      { ...flow, arn: stubFlowArn(flow.id) },
    ]),
  ),
  lambdas: new Map(),
  queues: new Map(queues.map((queue) => [queue.id, queue])),
  hours: new Map(),
  resolveResource: (name) => `arn:stub:${name}`,
  prompts: {
    text: () => undefined,
    audioUri: (id) => `s3://stub/${id}.wav`,
    idFromAudioUri: () => undefined,
  },
  stubs: { lambda: async () => ({ ...lambdaResult }) },
});
