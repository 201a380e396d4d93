import type { Context } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { localArn } from '#local/arns.ts';
import type { SimulatedClock } from '#local/sim-clock.ts';
import type { EscalationControl, EscalationInput } from '#shared/tickets/escalations.ts';
import {
  definitionWith,
  STATE_MACHINES,
  type StateMachineId,
} from '#state-machines/definitions.ts';

export type LocalLambda = (event: unknown, context: Context) => Promise<unknown>;

interface Definition {
  readonly States: Record<string, { Type: string; Resource?: string; TimeoutSecondsPath?: string }>;
}

/** A Step Functions error, matched by Retry and Catch on its name. */
const statesError = (name: string, message: string) => Object.assign(new Error(message), { name });

/** `$.a.b` against a value (the only paths the definition uses for timeouts). */
const readPath = (path: string, value: unknown): unknown =>
  path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

export interface LocalExecution {
  readonly name: string;
  readonly input: EscalationInput;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  /** Set while the execution waits on its task token. */
  parked?: { until: number; wake: (how: 'woken' | 'timeout' | 'stopped') => void };
  abort?: () => void;
  result?: unknown;
  error?: unknown;
}

export interface LocalStepFunctionsOptions {
  readonly id: StateMachineId;
  readonly clock: SimulatedClock;
  /** Handlers by handler folder name (lambdas/<name>). */
  readonly lambdas: Readonly<Record<string, LocalLambda>>;
}

const context = (name: string): Context =>
  ({
    functionName: name,
    awsRequestId: `local-${Date.now()}`,
    getRemainingTimeInMillis: () => 60_000,
  }) as Context;

/**
 * Step Functions on this machine: the repository's definition (state-machines/) run by
 * aws-local-stepfunctions, its Lambda tasks calling the real handlers in-process. Time is the
 * simulated clock's: a waitForTaskToken task waits until the clock passes its timeout or
 * until `wake(token)`, so a 72-hour escalation runs as fast as the clock is moved. Execution
 * names are unique, as in Step Functions: a second start of a name is refused.
 */
export class LocalStepFunctions implements EscalationControl {
  readonly executions = new Map<string, LocalExecution>();
  private busy = 0;
  private readonly definition: Definition;
  private readonly machine: StateMachine;

  private readonly options: LocalStepFunctionsOptions;

  constructor(options: LocalStepFunctionsOptions) {
    this.options = options;
    const functions = STATE_MACHINES[options.id].functions;
    this.definition = definitionWith(
      options.id,
      Object.fromEntries(
        Object.entries(functions).map(([placeholder, handler]) => [
          placeholder,
          localArn.lambda(handler),
        ]),
      ),
    ) as unknown as Definition;
    this.machine = new StateMachine(this.definition as never);
  }

  async start(name: string, input: EscalationInput): Promise<boolean> {
    if (this.executions.has(name)) return false;
    const execution: LocalExecution = { name, input, status: 'RUNNING' };
    this.executions.set(name, execution);
    this.run(execution);
    return true;
  }

  /** The local task token is the execution's name: it waits on one task at a time. */
  async wake(taskToken: string): Promise<void> {
    this.executions.get(taskToken)?.parked?.wake('woken');
  }

  /** Ends the waits whose time has come; returns how many. */
  tick(): number {
    const now = this.options.clock.nowMs();
    let woken = 0;
    for (const execution of this.executions.values()) {
      if (execution.parked && execution.parked.until <= now) {
        execution.parked.wake('timeout');
        woken++;
      }
    }
    return woken;
  }

  /** When the next wait ends. */
  nextWakeAt(): number | undefined {
    const times = [...this.executions.values()].flatMap((e) => (e.parked ? [e.parked.until] : []));
    return times.length ? Math.min(...times) : undefined;
  }

  /** Resolves once every execution is waiting or finished. */
  async idle(): Promise<void> {
    while (this.busy > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  private run(execution: LocalExecution): void {
    this.busy++;
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const retryIntervals: Record<string, number> = {};
    for (const [stateName, state] of Object.entries(this.definition.States)) {
      if (state.Type !== 'Task' || !state.Resource?.startsWith('arn:aws:states:::lambda:invoke'))
        continue;
      retryIntervals[stateName] = 0;
      const waits = state.Resource.endsWith('.waitForTaskToken');
      handlers[stateName] = async (input) => {
        const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
        const handlerName = FunctionName.split(':function:huduma-')[1] ?? '';
        const lambda = this.options.lambdas[handlerName];
        if (!lambda) throw statesError('Lambda.ResourceNotFoundException', FunctionName);
        const result = await lambda(Payload, context(handlerName));
        if (!waits) return { StatusCode: 200, Payload: result };
        const seconds = Number(readPath(state.TimeoutSecondsPath ?? '', input) ?? 0);
        const how = await this.park(execution, seconds);
        if (how === 'timeout') throw statesError('States.Timeout', 'Task timed out');
        if (how === 'stopped') throw statesError('States.Runtime', 'The local runtime stopped');
        return { woken: true };
      };
    }
    const run = this.machine.run(execution.input, {
      overrides: {
        taskResourceLocalHandlers: handlers as never,
        retryIntervalOverrides: retryIntervals,
      },
      noThrowOnAbort: true,
      context: {
        Execution: { Name: execution.name, Input: execution.input },
        Task: { Token: execution.name },
      },
    });
    execution.abort = run.abort;
    run.result
      .then(
        (result) => {
          execution.status = 'SUCCEEDED';
          execution.result = result;
        },
        (error: unknown) => {
          execution.status = 'FAILED';
          execution.error = error;
        },
      )
      .finally(() => {
        this.busy--;
      });
  }

  /** Ends every execution (their pending timers with them): the local runtime is stopping. */
  stop(): void {
    for (const execution of this.executions.values()) {
      if (execution.status !== 'RUNNING') continue;
      execution.abort?.();
      execution.parked?.wake('stopped');
    }
  }

  private park(
    execution: LocalExecution,
    seconds: number,
  ): Promise<'woken' | 'timeout' | 'stopped'> {
    return new Promise((resolve) => {
      execution.parked = {
        until: this.options.clock.nowMs() + seconds * 1000,
        wake: (how) => {
          if (!execution.parked) return;
          execution.parked = undefined;
          this.busy++;
          resolve(how);
        },
      };
      this.busy--;
    });
  }
}
