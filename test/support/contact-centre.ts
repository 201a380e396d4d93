import { localArn } from '../../local/arns.ts';
import { scriptedCaller } from '../../local/callers.ts';
import { FlowEngine } from '../../local/flow-engine/engine.ts';
import type {
  EngineResources,
  LambdaHandler,
  TranscriptEvent,
} from '../../local/flow-engine/types.ts';
import { loadLocalResources } from '../../local/resources.ts';

export const resources: EngineResources = await loadLocalResources();

/** The local resources with one handler replaced: for injecting Lambda errors and timeouts. */
export const withLambda = (handlerName: string, handler: LambdaHandler): EngineResources => {
  const lambdas = new Map(resources.lambdas);
  lambdas.set(localArn.lambda(handlerName), { name: `huduma-${handlerName}`, handler });
  return { ...resources, lambdas };
};

export interface CallOptions {
  readonly keys?: readonly string[];
  readonly from?: string;
  readonly at?: string;
  readonly flow?: string;
  readonly engineResources?: EngineResources;
}

/** Places a scripted call through the repository's flows, as `npm run call` does. */
export const call = async ({
  keys = [],
  from = '+254712345678',
  at,
  flow = 'main',
  engineResources = resources,
}: CallOptions = {}) => {
  const engine = new FlowEngine(engineResources);
  const result = await engine.run({
    flowArn: localArn.flow(flow),
    customerNumber: from,
    caller: scriptedCaller(keys),
    ...(at && { startAt: new Date(at) }),
  });
  const events = result.transcript;
  return {
    ...result,
    /** Prompt ids in the order the caller heard them. */
    heard: events.flatMap((event) =>
      event.type === 'prompt' ? [event.promptId ?? event.text] : [],
    ),
    lambdaCalls: events.filter(
      (event): event is Extract<TranscriptEvent, { type: 'lambda' }> => event.type === 'lambda',
    ),
  };
};
