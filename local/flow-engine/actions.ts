import { randomUUID } from 'node:crypto';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ACTION_TYPES, type ActionType, flowReference } from '#flows/language/action-types.ts';
import type { FlowAction } from '#flows/language/flow.schema.ts';
import { isOpen } from '#shared/hours.ts';
import { toE164 } from '#shared/phone.ts';
import type { ContactRun } from './contact.ts';
import type { Disposition } from './types.ts';

/** An action's effect: a result to match against Conditions, an error type, a jump, or the end. */
export type ActionOutcome =
  | { readonly kind: 'next'; readonly result?: string }
  | { readonly kind: 'error'; readonly errorType: string; readonly message?: string }
  | { readonly kind: 'transfer'; readonly flowArn: string }
  | { readonly kind: 'module'; readonly moduleArn: string }
  | { readonly kind: 'return' }
  | { readonly kind: 'queued' }
  | { readonly kind: 'end'; readonly disposition: Disposition };

type ActionHandler = (run: ContactRun, action: FlowAction) => Promise<ActionOutcome>;

const next: ActionOutcome = { kind: 'next' };
const noMatchingError = (message: string): ActionOutcome => ({
  kind: 'error',
  errorType: 'NoMatchingError',
  message,
});
const ignored: ActionHandler = async () => next;
const { Loop, CheckHoursOfOperation, MessageParticipantIteratively, Wait } = ACTION_TYPES;

/**
 * Stored input validated as a phone number, as Connect does: `Local` in the national format of
 * its CountryCode (any country), `E164` with the country code first; E.164 or undefined.
 */
const phoneNumberInput = (
  digits: string,
  { NumberFormat, CountryCode }: { NumberFormat?: string; CountryCode?: string },
): string | undefined => {
  const parsed =
    NumberFormat === 'Local'
      ? parsePhoneNumberFromString(digits, CountryCode as CountryCode)
      : parsePhoneNumberFromString(digits.startsWith('+') ? digits : `+${digits}`);
  return parsed?.isValid() ? parsed.number : undefined;
};

const numberOf = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Connect's condition operators; Number* are false when either side is not numeric. */
export const conditionHolds = (operator: string, result: string, operand: string): boolean => {
  switch (operator) {
    case 'Equals':
      return result === operand;
    case 'TextStartsWith':
      return result.startsWith(operand);
    case 'TextEndsWith':
      return result.endsWith(operand);
    case 'TextContains':
      return result.includes(operand);
    case 'NumberGreaterThan':
      return numberOf(result) > numberOf(operand);
    case 'NumberGreaterOrEqualTo':
      return numberOf(result) >= numberOf(operand);
    case 'NumberLessThan':
      return numberOf(result) < numberOf(operand);
    case 'NumberLessOrEqualTo':
      return numberOf(result) <= numberOf(operand);
    default:
      return false;
  }
};

/**
 * What each supported action type does. Parameters, results and error types are those of the
 * flow language's action types (contact-flows/language/action-types.ts), which the validator checks.
 */
export const ACTIONS: Partial<Record<ActionType, ActionHandler>> = {
  async MessageParticipant(run, action) {
    run.hear(run.spokenBy(action));
    return next;
  },

  async GetParticipantInput(run, action) {
    const parameters = action.Parameters as Record<string, unknown>;
    const stored = parameters.StoreInput === 'True';
    const dtmf = (parameters.DTMFConfiguration ?? {}) as Record<string, string>;
    const validation = parameters.InputValidation as
      | {
          CustomValidation?: { MaximumLength?: string };
          PhoneNumberValidation?: { NumberFormat?: string; CountryCode?: string };
        }
      | undefined;
    run.hear(run.spokenBy(action));
    const input = await run.input({
      action: action.Identifier,
      timeoutSeconds: Number(
        parameters.InputTimeLimitSeconds ?? parameters.InputTimeoutSeconds ?? 5,
      ),
      stored,
      ...(validation?.CustomValidation?.MaximumLength && {
        maxDigits: Number(validation.CustomValidation.MaximumLength),
      }),
      ...(dtmf.InputTerminationSequence && { terminator: dtmf.InputTerminationSequence }),
    });
    if (input.kind === 'timeout') return { kind: 'error', errorType: 'InputTimeLimitExceeded' };
    if (!stored)
      return { kind: 'next', result: input.kind === 'digits' ? input.digits.slice(0, 1) : '' };
    const digits = input.kind === 'digits' ? input.digits : '';
    if (validation?.PhoneNumberValidation) {
      const e164 = phoneNumberInput(digits, validation.PhoneNumberValidation);
      if (!e164) return { kind: 'error', errorType: 'InvalidPhoneNumber' };
      run.storedInput = e164;
      return next;
    }
    run.storedInput = digits;
    return next;
  },

  async InvokeLambdaFunction(run, action) {
    const result = await run.invokeLambda(action);
    return result.ok ? next : noMatchingError(result.message);
  },

  async UpdateContactAttributes(run, action) {
    const attributes = (action.Parameters.Attributes ?? {}) as Record<string, unknown>;
    // Keys may be dynamic too ("$.External.field"); all are set or none is.
    const changes = Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [run.evaluate(key), run.evaluate(value)]),
    );
    if ('' in changes) return noMatchingError('An attribute key evaluated to nothing');
    Object.assign(run.attributes, changes);
    run.record({ type: 'attributes', action: action.Identifier, changes });
    return next;
  },

  async UpdateFlowAttributes(run, action) {
    for (const [key, value] of Object.entries(
      (action.Parameters.FlowAttributes ?? {}) as Record<string, { Value?: unknown }>,
    )) {
      run.flowAttributes[key] = run.evaluate(value?.Value);
    }
    return next;
  },

  async Compare(run, action) {
    return { kind: 'next', result: run.evaluate(action.Parameters.ComparisonValue) };
  },

  async Loop(run, action) {
    const limit = Number(run.evaluate(action.Parameters.LoopCount));
    const key = action.Identifier;
    const count = run.loopCounters.get(key) ?? 0;
    if (count < limit) {
      run.loopCounters.set(key, count + 1);
      return { kind: 'next', result: Loop.results.again };
    }
    run.loopCounters.delete(key);
    return { kind: 'next', result: Loop.results.done };
  },

  async DistributeByPercentage(run) {
    const random = run.options.random ?? Math.random;
    return { kind: 'next', result: String(Math.floor(random() * 100) + 1) };
  },

  async CheckHoursOfOperation(run, action) {
    const arn = action.Parameters.HoursOfOperationId
      ? run.evaluate(action.Parameters.HoursOfOperationId)
      : run.targetQueue && run.resources.queues.get(run.targetQueue.arn)?.hoursArn;
    const hours = arn ? run.resources.hours.get(arn) : undefined;
    const { open, closed } = CheckHoursOfOperation.results;
    if (!hours && run.resources.stubs) return { kind: 'next', result: open };
    if (!hours) return noMatchingError(`No hours of operation ${arn ?? '(no working queue)'}`);
    return { kind: 'next', result: isOpen(hours, run.now()) ? open : closed };
  },

  async GetMetricData() {
    // The metrics are read from $.Metrics, which ContactRun computes from the queue simulation.
    return next;
  },

  async CheckMetricData(run, action) {
    const data = run.flowData().Metrics as {
      Queue: Record<string, string>;
      Agents: Record<string, { Count: string }>;
    };
    const metric = String(action.Parameters.MetricType);
    const values: Record<string, string | undefined> = {
      NumberOfAgentsAvailable: data.Agents.Available?.Count,
      NumberOfAgentsStaffed: data.Agents.Staffed?.Count,
      NumberOfAgentsOnline: data.Agents.Online?.Count,
      NumberOfContactsInQueue: data.Queue.Size,
      OldestContactInQueueAgeSeconds: data.Queue.OldestContactAge,
    };
    const value = values[metric];
    return value === undefined
      ? noMatchingError(`Unknown metric ${metric}`)
      : { kind: 'next', result: value };
  },

  async UpdateContactTargetQueue(run, action) {
    const arn = run.evaluate(action.Parameters.QueueId ?? action.Parameters.AgentId);
    if (arn === '') return noMatchingError('The queue evaluated to nothing');
    const queue = run.resources.queues.get(arn) ?? (run.resources.stubs && { name: arn });
    if (!queue) return noMatchingError(`Unknown queue ${arn}`);
    run.targetQueue = { arn, name: queue.name };
    return next;
  },

  async TransferContactToQueue(run) {
    if (!run.targetQueue) return noMatchingError('No working queue set');
    if (run.queue) return noMatchingError('The contact is already in a queue');
    if (run.options.queue?.atCapacity) return { kind: 'error', errorType: 'QueueAtCapacity' };
    return { kind: 'queued' };
  },

  async UpdateContactCallbackNumber(run, action) {
    const number = toE164(run.evaluate(action.Parameters.CallbackNumber));
    if (!number) return { kind: 'error', errorType: 'InvalidCallbackNumber' };
    run.callbackNumber = number;
    return next;
  },

  async CreateCallbackContact(run, action) {
    const named = action.Parameters.QueueId ?? action.Parameters.AgentId;
    // Without a queue, the working queue; else the queue the contact waits in.
    const arn =
      named !== undefined ? run.evaluate(named) : (run.targetQueue?.arn ?? run.queue?.arn);
    const queue =
      (arn && run.resources.queues.get(arn)) || (arn && run.resources.stubs && { name: arn });
    if (!queue) return noMatchingError(`No queue for the call-back${arn ? ` (${arn})` : ''}`);
    run.callback = { queue: queue.name, number: run.callbackNumber, contactId: randomUUID() };
    run.record({ type: 'callback', queue: queue.name, number: run.callbackNumber });
    return next;
  },

  async MessageParticipantIteratively(run, action) {
    const messages = (action.Parameters.Messages ?? []) as Record<string, unknown>[];
    for (const message of messages) run.hear(run.spokenBy(action, message));
    const interrupt = Number(action.Parameters.InterruptFrequencySeconds ?? 0);
    // Prompts loop until interrupted, or until an agent answers (the queue deadline).
    const untilDeadline =
      run.queueDeadline === undefined
        ? Number.POSITIVE_INFINITY
        : (run.queueDeadline - run.clock) / 1000;
    run.advance(Math.min(interrupt > 0 ? interrupt : 60, untilDeadline));
    return { kind: 'next', result: MessageParticipantIteratively.results.interrupted };
  },

  async TransferToFlow(run, action) {
    return { kind: 'transfer', flowArn: run.evaluate(flowReference(action)) };
  },

  async InvokeFlowModule(run, action) {
    return { kind: 'module', moduleArn: run.evaluate(flowReference(action)) };
  },

  async EndFlowModuleExecution() {
    return { kind: 'return' };
  },

  async UpdateContactEventHooks(run, action) {
    for (const [hook, flow] of Object.entries(
      (action.Parameters.EventHooks ?? {}) as Record<string, unknown>,
    )) {
      run.eventHooks[hook] = run.evaluate(flow);
    }
    // DisableExecution "true" turns a hook off (e.g. the default whisper).
    for (const [hook, configuration] of Object.entries(
      (action.Parameters.EventHooksConfiguration ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      if (String(configuration?.DisableExecution).toLowerCase() === 'true')
        delete run.eventHooks[hook];
    }
    return next;
  },

  async Wait(run, action) {
    const { TimeLimitSeconds, TimeoutSeconds } = action.Parameters;
    run.advance(Number(run.evaluate(TimeLimitSeconds ?? TimeoutSeconds ?? 0)) || 0);
    return { kind: 'next', result: Wait.results.completed };
  },

  async UpdateContactData(run, action) {
    if (typeof action.Parameters.LanguageCode === 'string')
      run.languageCode = run.evaluate(action.Parameters.LanguageCode);
    return next;
  },

  UpdateFlowLoggingBehavior: ignored,
  UpdateContactTextToSpeechVoice: ignored,
  UpdateContactRecordingBehavior: ignored,
  UpdateContactRecordingAndAnalyticsBehavior: ignored,
  UpdateContactRoutingBehavior: ignored,
  TagContact: ignored,
  UntagContact: ignored,

  async DisconnectParticipant() {
    return { kind: 'end', disposition: { type: 'DISCONNECTED', by: 'FLOW' } };
  },

  async EndFlowExecution() {
    return { kind: 'end', disposition: { type: 'ENDED', reason: 'EndFlowExecution' } };
  },
};

export const SUPPORTED_ACTION_TYPES: ReadonlySet<string> = new Set(Object.keys(ACTIONS));
