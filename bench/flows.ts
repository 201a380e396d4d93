import { localArn } from '#local/arns.ts';
import { scriptedCaller } from '#local/callers.ts';
import { FlowEngine } from '#local/flow-engine/engine.ts';
import type { EngineResources } from '#local/flow-engine/types.ts';
import { percentile } from './stats.ts';

export interface FlowBenchmark {
  readonly calls: number;
  readonly errors: number;
  readonly callsPerSecond: number;
  readonly actionsPerCall: number;
  readonly engineMicrosecondsPerAction: number;
  readonly handlerMillisecondsPerInvocation: number;
  readonly callP50Ms: number;
  readonly callP99Ms: number;
}

/** A caller who picks English, tracks the ready demo application, then hangs up. */
const TRACKING_CALL = ['1', '2', '12345678'];

/**
 * Places `calls` scripted calls at once through the flows and the real handlers, then the
 * same number one at a time to split the engine's own time per action from handler time.
 */
export const benchmarkFlows = async (
  resources: EngineResources,
  calls = 200,
): Promise<FlowBenchmark> => {
  const engine = new FlowEngine(resources);
  const place = async () => {
    const started = performance.now();
    const result = await engine.run({
      flowArn: localArn.flow('main'),
      customerNumber: '+254712345678',
      caller: scriptedCaller(TRACKING_CALL),
      startAt: new Date('2026-12-01T10:00:00+03:00'),
    });
    const failed = result.transcript.some(
      (event) => event.type === 'lambda' && event.error !== undefined,
    );
    const handlerMs = result.transcript.reduce(
      (sum, event) => sum + (event.type === 'lambda' ? event.durationMs : 0),
      0,
    );
    const invocations = result.transcript.filter((event) => event.type === 'lambda').length;
    return {
      ms: performance.now() - started,
      failed,
      handlerMs,
      invocations,
      actions: result.visited.length,
    };
  };

  await Promise.all(Array.from({ length: 20 }, place)); // warm-up
  const started = performance.now();
  const concurrent = await Promise.all(Array.from({ length: calls }, place));
  const elapsedSeconds = (performance.now() - started) / 1000;

  const sequential = [];
  for (let i = 0; i < calls; i++) sequential.push(await place());
  const actions = sequential.reduce((sum, call) => sum + call.actions, 0);
  const handlerMs = sequential.reduce((sum, call) => sum + call.handlerMs, 0);
  const invocations = sequential.reduce((sum, call) => sum + call.invocations, 0);
  const totalMs = sequential.reduce((sum, call) => sum + call.ms, 0);
  return {
    calls,
    errors: concurrent.filter((call) => call.failed).length,
    callsPerSecond: calls / elapsedSeconds,
    actionsPerCall: actions / calls,
    engineMicrosecondsPerAction: ((totalMs - handlerMs) / actions) * 1000,
    handlerMillisecondsPerInvocation: handlerMs / invocations,
    callP50Ms: percentile(
      concurrent.map((call) => call.ms),
      50,
    ),
    callP99Ms: percentile(
      concurrent.map((call) => call.ms),
      99,
    ),
  };
};
