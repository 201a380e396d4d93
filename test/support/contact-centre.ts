import { localArn } from '#local/arns.ts';
import { scriptedCaller } from '#local/callers.ts';
import { FlowEngine } from '#local/flow-engine/engine.ts';
import type {
  ContactResult,
  EngineResources,
  LambdaHandler,
  QueueSimulation,
  TranscriptEvent,
} from '#local/flow-engine/types.ts';
import { loadLocalResources } from '#local/resources.ts';
import { uniqueCaller } from './data.ts';

export const resources: EngineResources = await loadLocalResources();

/** A weekday morning in Nairobi: the contact centre is open. */
export const OPEN = '2026-12-01T10:00:00+03:00';
/** The same day at 22:00: agents are off. */
export const CLOSED = '2026-12-01T22:00:00+03:00';

/** The local resources with one handler replaced: for injecting Lambda errors and timeouts. */
export const withLambda = (handlerName: string, handler: LambdaHandler): EngineResources => {
  const lambdas = new Map(resources.lambdas);
  lambdas.set(localArn.lambda(handlerName), { name: `huduma-${handlerName}`, handler });
  return { ...resources, lambdas };
};

export interface CallOptions {
  /** One entry per input prompt: digits, `_` for silence, `q` to hang up. */
  readonly keys?: readonly string[];
  readonly from?: string;
  /** When the call is placed. @default OPEN */
  readonly at?: string;
  readonly flow?: string;
  readonly attributes?: Record<string, string>;
  readonly queue?: QueueSimulation;
  readonly engineResources?: EngineResources;
  readonly initiationMethod?: 'INBOUND' | 'OUTBOUND';
}

type LambdaCall = Extract<TranscriptEvent, { type: 'lambda' }>;

export type Call = ContactResult & {
  /** Prompt ids (or text) in the order the caller heard them. */
  readonly heard: string[];
  readonly lambdaCalls: LambdaCall[];
  /** Invocations of one handler (lambdas/<handler>), in order. */
  callsTo(handler: string): LambdaCall[];
  readonly prompts: Extract<TranscriptEvent, { type: 'prompt' }>[];
};

/** A number no other test calls from: tickets, bookings and failed proofs are kept per number. */
export const freshCaller = uniqueCaller;

/** Places a scripted call through the repository's flows, as `npm run call` does. */
export const call = async ({
  keys = [],
  from = freshCaller(),
  at = OPEN,
  flow = 'main',
  attributes,
  queue,
  engineResources = resources,
  initiationMethod,
}: CallOptions = {}): Promise<Call> => {
  const result = await new FlowEngine(engineResources).run({
    flowArn: localArn.flow(flow),
    customerNumber: from,
    caller: scriptedCaller(keys),
    startAt: new Date(at),
    ...(attributes && { attributes }),
    ...(queue && { queue }),
    ...(initiationMethod && { initiationMethod }),
  });
  recordCoverage(result.visited);
  const lambdaCalls = result.transcript.filter(
    (event): event is LambdaCall => event.type === 'lambda',
  );
  const prompts = result.transcript.filter(
    (event): event is Extract<TranscriptEvent, { type: 'prompt' }> => event.type === 'prompt',
  );
  return {
    ...result,
    prompts,
    heard: prompts.map((event) => event.promptId ?? event.text),
    lambdaCalls,
    callsTo: (handler) => lambdaCalls.filter((event) => event.function === `huduma-${handler}`),
  };
};

/** Keys that pick English and go to the main menu. */
export const ENGLISH = '1';
export const KISWAHILI = '2';

import { appendFileSync, mkdirSync } from 'node:fs';

/**
 * When FLOW_COVERAGE_DIR is set (npm run flows:coverage), every visited action is appended
 * there, in a file per source: the flow tests, or the Connect test cases.
 */
export const recordCoverage = (
  visited: readonly string[],
  source: 'flow-tests' | 'test-cases' = 'flow-tests',
) => {
  const directory = process.env.FLOW_COVERAGE_DIR;
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  appendFileSync(`${directory}/${source}-${process.pid}.txt`, `${visited.join('\n')}\n`);
};
