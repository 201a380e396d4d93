import {
  type ActionType,
  actionTypeSpec,
  raisesError,
  runsOn,
} from '#flows/language/action-types.ts';
import type { FlowAction, FlowDocument } from '#flows/language/flow.schema.ts';
import { ACTIONS, type ActionOutcome, conditionHolds, SUPPORTED_ACTION_TYPES } from './actions.ts';
import { CallerHungUp, ContactRun } from './contact.ts';
import { contactTraceRecord } from './ctr.ts';
import type {
  ContactOptions,
  ContactResult,
  Disposition,
  EngineResources,
  LoadedFlow,
  TranscriptEvent,
} from './types.ts';

const MAX_STEPS_PER_FLOW_RUN = 2000;
const DEFAULT_MAX_WAIT_SECONDS = 1800;

/** How a run of flows ended. */
type FlowExit =
  | { readonly kind: 'end'; readonly disposition: Disposition }
  | { readonly kind: 'queued' }
  | { readonly kind: 'hungup' }
  | { readonly kind: 'stopped' };

/** A flow reached an action type the engine does not run: where, and what happened up to it. */
export class UnsupportedActionError extends Error {
  readonly flow: string;
  readonly action: string;
  readonly type: string;
  readonly transcript: readonly TranscriptEvent[];

  constructor(flow: string, action: FlowAction, transcript: readonly TranscriptEvent[]) {
    super(
      `Flow ${flow}, action ${action.Identifier}, uses ${action.Type}, which the local engine does not run`,
    );
    this.name = 'UnsupportedActionError';
    this.flow = flow;
    this.action = action.Identifier;
    this.type = action.Type;
    this.transcript = [...transcript];
  }
}

/**
 * Why Connect would not run this action here, if it would not: a block the contact's channel
 * does not support, or one the flow's type does not allow. The action then takes its error branch.
 */
const refusal = (run: ContactRun, flow: LoadedFlow, action: FlowAction): string | undefined => {
  if (!raisesError(action.Type, 'NoMatchingError')) return undefined;
  if (!runsOn(action, run.channel)) return `${action.Type} does not run on ${run.channel}`;
  if (flow.type !== 'MODULE' && actionTypeSpec(action.Type)?.forbiddenIn?.includes(flow.type))
    return `${action.Type} is not allowed in ${flow.type} flows`;
  return undefined;
};

/** The action types in a flow the engine cannot run (named, never skipped silently). */
export const unsupportedActionTypes = (document: FlowDocument): string[] =>
  [...new Set(document.Actions.map((action) => action.Type))]
    .filter((type) => !SUPPORTED_ACTION_TYPES.has(type))
    .sort();

/** Which branch Connect takes after an action (reference §1.5, rule 2). */
const route = (action: FlowAction, outcome: ActionOutcome): string | undefined => {
  const { NextAction, Errors = [], Conditions = [] } = action.Transitions;
  const errorTarget = (type: string) =>
    Errors.find((error) => error.ErrorType === type)?.NextAction ??
    Errors.find((error) => error.ErrorType === 'NoMatchingError')?.NextAction;
  if (outcome.kind === 'error') return errorTarget(outcome.errorType);
  if (outcome.kind === 'next' && outcome.result !== undefined && Conditions.length > 0) {
    const result = outcome.result;
    const match = Conditions.find(({ Condition }) =>
      Condition.Operands.some((operand) => conditionHolds(Condition.Operator, result, operand)),
    );
    return match ? match.NextAction : errorTarget('NoMatchingCondition');
  }
  return NextAction;
};

/**
 * Runs Amazon Connect Flow Language documents locally as Connect does (reference §1.5): the
 * deployed Lambda handlers in-process with Connect-shaped events, modules, transfers, event
 * hooks, hours on the contact's own clock, queues with a simulated agent, and a contact
 * trace record at the end.
 */
export class FlowEngine {
  readonly resources: EngineResources;

  constructor(resources: EngineResources) {
    this.resources = resources;
  }

  async run(options: ContactOptions): Promise<ContactResult> {
    const run = new ContactRun(this.resources, options);
    const exit =
      this.resources.flows.get(options.flowArn)?.type === 'CUSTOMER_QUEUE'
        ? await this.startInQueue(run, options.flowArn)
        : await this.runFlows(run, options.flowArn);
    let disposition: Disposition;
    if (exit.kind === 'queued') disposition = await this.waitInQueue(run);
    else if (exit.kind === 'end') disposition = exit.disposition;
    else disposition = { type: 'DISCONNECTED', by: 'CUSTOMER' };
    const endedByFlow =
      (disposition.type === 'DISCONNECTED' && disposition.by === 'FLOW') ||
      disposition.type === 'ENDED';
    if (run.callback && endedByFlow) {
      disposition = {
        type: 'CALLBACK_REQUESTED',
        queue: run.callback.queue,
        number: run.callback.number,
      };
    }
    run.disconnectedAt ??= run.clock;
    return {
      contactId: run.contactId,
      attributes: run.attributes,
      transcript: run.transcript,
      disposition,
      visited: run.visited,
      ...(disposition.type !== 'QUEUED' && {
        contactTraceRecord: contactTraceRecord(run, disposition),
      }),
    } as ContactResult;
  }

  /** Runs flows from `flowArn` until the contact leaves them (or `stop` says to stop watching). */
  private async runFlows(
    run: ContactRun,
    flowArn: string,
    stop?: () => boolean,
  ): Promise<FlowExit> {
    const first = this.resources.flows.get(flowArn);
    if (!first)
      return { kind: 'end', disposition: { type: 'ENDED', reason: `No flow ${flowArn}` } };
    const stack: { flow: LoadedFlow; returnTo?: FlowAction }[] = [{ flow: first }];
    let actionId: string | undefined = first.document.StartAction;
    for (let step = 0; step < MAX_STEPS_PER_FLOW_RUN; step++) {
      if (stop?.()) return { kind: 'stopped' };
      const frame = stack.at(-1)!;
      const action = frame.flow.document.Actions.find(
        (candidate) => candidate.Identifier === actionId,
      );
      if (!action)
        return {
          kind: 'end',
          disposition: { type: 'ENDED', reason: `No action "${actionId}" in ${frame.flow.id}` },
        };
      run.visited.push(`${frame.flow.id}#${action.Identifier}`);
      run.options.onActionStarted?.({
        flow: frame.flow.id,
        flowArn: frame.flow.arn,
        action,
        data: () => run.flowData(),
      });
      const handler = ACTIONS[action.Type as ActionType];
      const refused = refusal(run, frame.flow, action);
      if (!handler && !refused)
        throw new UnsupportedActionError(frame.flow.id, action, run.transcript);

      const injected = run.options.injectError?.(action, run.flowData());
      let outcome: ActionOutcome;
      try {
        outcome = injected
          ? { kind: 'error', errorType: injected, message: 'an error the test injected' }
          : refused || !handler
            ? { kind: 'error', errorType: 'NoMatchingError', message: refused }
            : await handler(run, action);
      } catch (error) {
        if (error instanceof CallerHungUp) return { kind: 'hungup' };
        throw error;
      }
      switch (outcome.kind) {
        case 'end':
          return outcome;
        case 'queued':
          return { kind: 'queued' };
        case 'transfer': {
          const target = this.resources.flows.get(outcome.flowArn);
          if (!target) {
            // Connect takes the error branch when the target is not a valid flow.
            run.record({
              type: 'error',
              action: action.Identifier,
              errorType: 'NoMatchingError',
              message: `No flow ${outcome.flowArn}`,
            });
            actionId = route(action, { kind: 'error', errorType: 'NoMatchingError' });
            continue;
          }
          run.record({ type: 'flow', action: action.Identifier, flow: target.id });
          stack.splice(0, stack.length, { flow: target });
          actionId = target.document.StartAction;
          continue;
        }
        case 'module': {
          const module = this.resources.flows.get(outcome.moduleArn);
          if (!module) {
            run.record({
              type: 'error',
              action: action.Identifier,
              errorType: 'NoMatchingError',
              message: `No module ${outcome.moduleArn}`,
            });
            actionId = route(action, { kind: 'error', errorType: 'NoMatchingError' });
            continue;
          }
          stack.push({ flow: module, returnTo: action });
          actionId = module.document.StartAction;
          continue;
        }
        case 'return': {
          const { returnTo } = stack.pop()!;
          if (!returnTo || stack.length === 0)
            return {
              kind: 'end',
              disposition: { type: 'ENDED', reason: 'EndFlowModuleExecution outside a module' },
            };
          actionId = route(returnTo, { kind: 'next' });
          continue;
        }
        case 'error':
          if (!raisesError(action.Type, outcome.errorType))
            throw new Error(
              `The engine raised ${outcome.errorType}, which ${action.Type} cannot raise`,
            );
          run.record({
            type: 'error',
            action: action.Identifier,
            errorType: outcome.errorType,
            ...(outcome.message && { message: outcome.message }),
          });
          actionId = route(action, outcome);
          continue;
        default:
          actionId = route(action, outcome);
      }
    }
    throw new Error(
      `A contact ran more than ${MAX_STEPS_PER_FLOW_RUN} actions in one flow run: a flow loops without end`,
    );
  }

  /** A customer queue flow run on its own: the contact is already waiting in its working queue. */
  private async startInQueue(run: ContactRun, flowArn: string): Promise<FlowExit> {
    const target = run.targetQueue;
    if (!target)
      return {
        kind: 'end',
        disposition: { type: 'ENDED', reason: 'A customer queue flow needs a working queue' },
      };
    const enqueuedAt = run.clock;
    run.queue = { arn: target.arn, name: target.name, enqueuedAt };
    run.phase = 'queue';
    const stopAt =
      enqueuedAt + (run.options.queue?.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS) * 1000;
    run.queueDeadline = stopAt;
    const exit = await this.runFlows(run, flowArn, () => run.clock >= stopAt);
    if (exit.kind !== 'stopped') return exit;
    const waitSeconds = Math.round((run.clock - enqueuedAt) / 1000);
    return {
      kind: 'end',
      disposition: { type: 'QUEUED', queue: target.name, queueArn: target.arn, waitSeconds },
    };
  }

  /**
   * The contact waits in its queue: the customer queue flow (if one is set) runs until the
   * simulated agent answers, the caller hangs up or asks for a call-back, or the simulation
   * stops watching. After the agent hangs up, the CustomerRemaining flow (e.g. a survey) runs.
   */
  private async waitInQueue(run: ContactRun): Promise<Disposition> {
    const target = run.targetQueue!;
    const simulation = run.options.queue ?? {};
    run.queue = { arn: target.arn, name: target.name, enqueuedAt: run.clock };
    run.record({
      type: 'queue',
      event: 'ENQUEUED',
      queue: target.name,
      at: run.now().toISOString(),
    });
    run.phase = 'queue';
    const enqueuedAt = run.clock;
    const answerAt =
      simulation.answerAfterSeconds === undefined
        ? Number.POSITIVE_INFINITY
        : enqueuedAt + simulation.answerAfterSeconds * 1000;
    const stopAt = Math.min(
      answerAt,
      enqueuedAt + (simulation.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS) * 1000,
    );
    const waitSeconds = () => Math.round((run.clock - enqueuedAt) / 1000);
    const dequeue = () => {
      run.queue!.dequeuedAt = run.clock;
      run.record({
        type: 'queue',
        event: 'DEQUEUED',
        queue: target.name,
        at: run.now().toISOString(),
      });
    };

    run.queueDeadline = stopAt;
    const queueFlow = run.eventHooks.CustomerQueue;
    while (queueFlow && run.clock < stopAt) {
      const exit = await this.runFlows(run, queueFlow, () => run.clock >= stopAt);
      if (exit.kind === 'hungup') {
        dequeue();
        return { type: 'ABANDONED', queue: target.name, waitSeconds: waitSeconds() };
      }
      if (exit.kind === 'stopped') break;
      if (exit.kind === 'end') {
        if (run.callback) {
          dequeue();
          return {
            type: 'CALLBACK_REQUESTED',
            queue: run.callback.queue,
            number: run.callback.number,
          };
        }
        // EndFlowExecution leaves the contact in queue without a queue flow; a disconnect ends it.
        if (exit.disposition.type !== 'ENDED') {
          dequeue();
          return exit.disposition;
        }
        break;
      }
    }
    run.queueDeadline = undefined;
    // An agent answering cuts off whatever the queue flow was playing.
    run.clock =
      answerAt <= run.clock
        ? answerAt
        : Math.max(run.clock, Number.isFinite(stopAt) ? stopAt : run.clock);
    if (run.clock < answerAt)
      return {
        type: 'QUEUED',
        queue: target.name,
        queueArn: target.arn,
        waitSeconds: waitSeconds(),
      };

    dequeue();
    const agent = simulation.agent ?? {};
    run.agent = {
      username: agent.username ?? 'agent1',
      connectedAt: run.clock,
      talkSeconds: agent.talkSeconds ?? 180,
      holdSeconds: agent.holdSeconds ?? 0,
      afterContactWorkSeconds: agent.afterContactWorkSeconds ?? 30,
    };
    run.record({
      type: 'agent',
      event: 'CONNECTED',
      agent: run.agent.username,
      at: run.now().toISOString(),
    });
    run.advance(run.agent.talkSeconds + run.agent.holdSeconds);
    run.agent.disconnectedAt = run.clock;
    run.record({
      type: 'agent',
      event: 'DISCONNECTED',
      agent: run.agent.username,
      at: run.now().toISOString(),
    });
    const answered: Disposition = {
      type: 'ANSWERED',
      queue: target.name,
      agent: run.agent.username,
      waitSeconds: Math.round((run.agent.connectedAt - enqueuedAt) / 1000),
    };

    const remainingFlow = run.eventHooks.CustomerRemaining;
    if (remainingFlow) {
      run.phase = 'after-agent';
      run.record({
        type: 'flow',
        action: 'CustomerRemaining',
        flow: this.resources.flows.get(remainingFlow)?.id ?? remainingFlow,
      });
      await this.runFlows(run, remainingFlow);
    }
    return answered;
  }
}
