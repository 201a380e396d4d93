import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type {
  FlowAction,
  FlowDocument,
  FlowType,
} from '../../contact-flows/language/flow.schema.ts';
import {
  PLACEHOLDER,
  type Placeholder,
  parsePlaceholder,
} from '../../contact-flows/language/placeholders.ts';
import { interpolate, isSinglePath, resolvePath } from './jsonpath.ts';
import type { Caller, Disposition, LambdaHandler, SpokenPrompt, TranscriptEvent } from './types.ts';

export interface LoadedFlow {
  readonly id: string;
  readonly arn: string;
  readonly type: FlowType;
  readonly document: FlowDocument;
}

export interface EngineResources {
  readonly instanceArn: string;
  /** Flows by ARN. */
  readonly flows: ReadonlyMap<string, LoadedFlow>;
  /** In-process Lambda handlers by function ARN. */
  readonly lambdas: ReadonlyMap<string, { readonly name: string; readonly handler: LambdaHandler }>;
  /** Queues by ARN. */
  readonly queues: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
  /** The local stand-in for a resource placeholder (a Lambda, queue, hours or flow ARN). */
  resolveResource(name: string): string;
  /** Catalogue text of a prompt, and the prompt id behind a recorded-audio location. */
  readonly prompts: {
    text(promptId: string, lang: 'en' | 'sw'): string;
    audioUri(promptId: string): string;
    idFromAudioUri(uri: string): string | undefined;
  };
}

export interface ContactOptions {
  readonly flowArn: string;
  readonly caller: Caller;
  readonly customerNumber: string;
  readonly systemNumber?: string;
  readonly now?: () => Date;
  readonly initiationMethod?: 'INBOUND' | 'OUTBOUND' | 'CALLBACK' | 'API';
  readonly attributes?: Record<string, string>;
}

export interface ContactResult {
  readonly contactId: string;
  readonly attributes: Record<string, string>;
  readonly transcript: TranscriptEvent[];
  readonly disposition: Disposition;
}

/** An action's effect: a result to match against Conditions, an error type, or the end of the contact. */
type ActionOutcome =
  | { readonly kind: 'next'; readonly result?: string }
  | { readonly kind: 'error'; readonly errorType: string; readonly message?: string }
  | { readonly kind: 'transfer'; readonly flowArn: string }
  | { readonly kind: 'end'; readonly disposition: Disposition };

type ActionHandler = (run: ContactRun, action: FlowAction) => Promise<ActionOutcome>;

/** Actions that end a flow without transitions. */
const TERMINAL_TYPES = new Set([
  'DisconnectParticipant',
  'EndFlowExecution',
  'EndFlowModuleExecution',
  'TransferContactToAgent',
]);
const MAX_STEPS_PER_CONTACT = 2000;

class CallerHungUp extends Error {
  constructor() {
    super('The caller hung up');
    this.name = 'CallerHungUp';
  }
}

/** Per-contact state: what Connect keeps for one contact while its flows run. */
class ContactRun {
  readonly contactId = randomUUID();
  readonly transcript: TranscriptEvent[] = [];
  readonly attributes: Record<string, string>;
  external: Record<string, unknown> = {};
  storedInput: string | undefined;
  languageCode = 'en-US';
  targetQueue: { arn: string; name: string } | undefined;
  readonly eventHooks: Record<string, string> = {};
  readonly loopCounters = new Map<string, number>();

  readonly engine: FlowEngine;
  readonly options: ContactOptions;

  constructor(engine: FlowEngine, options: ContactOptions) {
    this.engine = engine;
    this.options = options;
    this.attributes = { ...options.attributes };
  }

  get resources() {
    return this.engine.resources;
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The data JSONPath reads: `$.Attributes`, `$.External`, system attributes. */
  flowData(): Record<string, unknown> {
    return {
      Attributes: this.attributes,
      External: this.external,
      StoredCustomerInput: this.storedInput,
      ContactId: this.contactId,
      InitialContactId: this.contactId,
      Channel: 'VOICE',
      InstanceARN: this.resources.instanceArn,
      InitiationMethod: this.options.initiationMethod ?? 'INBOUND',
      LanguageCode: this.languageCode,
      CustomerEndpoint: { Address: this.options.customerNumber, Type: 'TELEPHONE_NUMBER' },
      SystemEndpoint: {
        Address: this.options.systemNumber ?? '+254709000000',
        Type: 'TELEPHONE_NUMBER',
      },
      Queue: this.targetQueue && { ARN: this.targetQueue.arn, Name: this.targetQueue.name },
      AwsRegion: 'af-south-1',
    };
  }

  /** Fills resource placeholders with local ARNs and prompt placeholders with catalogue content. */
  fillPlaceholders(value: string): string {
    return value.replace(PLACEHOLDER, (token) => {
      const placeholder: Placeholder = parsePlaceholder(token);
      if (placeholder.kind === 'resource') return this.resources.resolveResource(placeholder.name);
      return placeholder.lang === 'en'
        ? this.resources.prompts.text(placeholder.promptId, 'en')
        : this.resources.prompts.audioUri(placeholder.promptId);
    });
  }

  /** A parameter value as Connect evaluates it: placeholders filled, JSONPath resolved. */
  evaluate(value: unknown): string {
    if (typeof value !== 'string')
      return value === undefined || value === null ? '' : String(value);
    const filled = this.fillPlaceholders(value);
    if (isSinglePath(filled)) {
      const resolved = resolvePath(this.flowData(), filled);
      return resolved === undefined || resolved === null ? '' : String(resolved);
    }
    return interpolate(filled, this.flowData());
  }

  record(event: TranscriptEvent): void {
    this.transcript.push(event);
  }

  /** What a message-bearing action (MessageParticipant, GetParticipantInput) says. */
  speak(action: FlowAction): SpokenPrompt | undefined {
    const { Text, SSML, PromptId, Media } = action.Parameters as Record<string, unknown>;
    const lang = this.attributes.lang === 'sw' ? 'sw' : 'en';
    if (typeof Text === 'string') {
      return {
        action: action.Identifier,
        text: this.evaluate(Text),
        source: 'tts',
        ...this.promptIdOf(Text),
      };
    }
    if (typeof SSML === 'string') {
      return {
        action: action.Identifier,
        text: this.evaluate(SSML).replace(/<[^>]+>/g, ''),
        source: 'tts',
      };
    }
    const uri =
      Media && typeof Media === 'object' ? (Media as Record<string, unknown>).Uri : undefined;
    if (typeof uri === 'string' || typeof PromptId === 'string') {
      const location = this.evaluate(uri ?? PromptId);
      const promptId = this.resources.prompts.idFromAudioUri(location);
      const text = promptId ? this.resources.prompts.text(promptId, lang) : location;
      return {
        action: action.Identifier,
        text,
        source: uri ? 'audio' : 'prompt',
        ...(promptId && { promptId }),
      };
    }
    return undefined;
  }

  /** The catalogue prompt id behind a Text parameter: a `${en:id}` placeholder or a handler's `say`. */
  private promptIdOf(text: string): { promptId?: string } {
    const placeholder = /^\$\{en:([a-z0-9_.-]+)\}$/.exec(text);
    if (placeholder) return { promptId: placeholder[1]! };
    if (isSinglePath(text) && text.endsWith('.say')) {
      const promptId = resolvePath(this.flowData(), `${text}Prompt`);
      if (typeof promptId === 'string') return { promptId };
    }
    return {};
  }

  hear(prompt: SpokenPrompt | undefined): void {
    if (!prompt) return;
    this.record({ type: 'prompt', ...prompt });
    this.options.caller.hear?.(prompt);
  }

  async invokeLambda(action: FlowAction): Promise<ActionOutcome> {
    const parameters = action.Parameters as Record<string, unknown>;
    const arn = this.evaluate(parameters.LambdaFunctionARN);
    const limitSeconds = Number(parameters.InvocationTimeLimitSeconds ?? 8);
    const attributes = Object.fromEntries(
      Object.entries((parameters.LambdaInvocationAttributes ?? {}) as Record<string, unknown>).map(
        ([key, value]) => [key, this.evaluate(value)],
      ),
    );
    const target = this.resources.lambdas.get(arn);
    const started = performance.now();
    const fail = (message: string): ActionOutcome => {
      this.record({
        type: 'lambda',
        action: action.Identifier,
        function: target?.name ?? arn,
        parameters: attributes,
        error: message,
        durationMs: Math.round(performance.now() - started),
      });
      return { kind: 'error', errorType: 'NoMatchingError', message };
    };
    if (!target) return fail(`No local Lambda for ${arn}`);

    const data = this.flowData();
    const event = {
      Name: 'ContactFlowEvent',
      Details: {
        ContactData: {
          Attributes: { ...this.attributes },
          Channel: data.Channel,
          ContactId: this.contactId,
          CustomerEndpoint: data.CustomerEndpoint,
          SystemEndpoint: data.SystemEndpoint,
          InitialContactId: this.contactId,
          InitiationMethod: data.InitiationMethod,
          InstanceARN: this.resources.instanceArn,
          LanguageCode: this.languageCode,
          PreviousContactId: this.contactId,
          Queue: data.Queue ?? null,
        },
        Parameters: attributes,
      },
    };
    const deadline = Date.now() + limitSeconds * 1000;
    const context = lambdaContext(target.name, deadline);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Timed out after ${limitSeconds} s`)),
        limitSeconds * 1000,
      );
    });
    try {
      const response = await Promise.race([target.handler(event, context), timeout]);
      const responseType = (parameters.ResponseValidation as { ResponseType?: string } | undefined)
        ?.ResponseType;
      if (!isAcceptedResponse(response, responseType))
        return fail('The response is not a flat map of strings');
      this.external = response as Record<string, unknown>;
      this.record({
        type: 'lambda',
        action: action.Identifier,
        function: target.name,
        parameters: attributes,
        result: this.external,
        durationMs: Math.round(performance.now() - started),
      });
      return { kind: 'next' };
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }
}

const isAcceptedResponse = (response: unknown, responseType: string | undefined): boolean => {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return false;
  if (responseType === 'JSON') return true;
  return Object.values(response).every((value) => typeof value === 'string' || value === null);
};

const lambdaContext = (functionName: string, deadline: number): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:af-south-1:000000000000:function:${functionName}`,
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const numberOf = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Connect's condition operators; Number* are false when either side is not numeric. */
const conditionHolds = (operator: string, result: string, operand: string): boolean => {
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

const next: ActionOutcome = { kind: 'next' };

/** What each supported action type does. */
const ACTIONS: Record<string, ActionHandler> = {
  async MessageParticipant(run, action) {
    run.hear(run.speak(action));
    return next;
  },

  async GetParticipantInput(run, action) {
    const parameters = action.Parameters as Record<string, unknown>;
    const stored = parameters.StoreInput === 'True';
    const dtmf = (parameters.DTMFConfiguration ?? {}) as Record<string, string>;
    const validation = parameters.InputValidation as
      | { CustomValidation?: { MaximumLength?: string } }
      | undefined;
    run.hear(run.speak(action));
    const input = await run.options.caller.input({
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
    run.record({ type: 'input', action: action.Identifier, input });
    if (input.kind === 'hangup') throw new CallerHungUp();
    if (input.kind === 'timeout') return { kind: 'error', errorType: 'InputTimeLimitExceeded' };
    if (stored) {
      run.storedInput = input.digits;
      return next;
    }
    // A menu takes one key.
    return { kind: 'next', result: input.digits.slice(0, 1) };
  },

  InvokeLambdaFunction: (run, action) => run.invokeLambda(action),

  async UpdateContactAttributes(run, action) {
    const attributes = (action.Parameters.Attributes ?? {}) as Record<string, unknown>;
    const changes = Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, run.evaluate(value)]),
    );
    Object.assign(run.attributes, changes);
    run.record({ type: 'attributes', action: action.Identifier, changes });
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
      return { kind: 'next', result: 'ContinueLooping' };
    }
    run.loopCounters.delete(key);
    return { kind: 'next', result: 'DoneLooping' };
  },

  async UpdateContactTargetQueue(run, action) {
    const arn = run.evaluate(action.Parameters.QueueId ?? action.Parameters.AgentId);
    const queue = run.resources.queues.get(arn);
    if (!queue)
      return { kind: 'error', errorType: 'NoMatchingError', message: `Unknown queue ${arn}` };
    run.targetQueue = { arn, name: queue.name };
    return next;
  },

  async TransferContactToQueue(run) {
    if (!run.targetQueue)
      return { kind: 'error', errorType: 'NoMatchingError', message: 'No working queue set' };
    return {
      kind: 'end',
      disposition: { type: 'QUEUED', queue: run.targetQueue.name, queueArn: run.targetQueue.arn },
    };
  },

  async TransferToFlow(run, action) {
    return { kind: 'transfer', flowArn: run.evaluate(action.Parameters.ContactFlowId) };
  },

  async UpdateContactEventHooks(run, action) {
    for (const [hook, flow] of Object.entries(
      (action.Parameters.EventHooks ?? {}) as Record<string, unknown>,
    )) {
      run.eventHooks[hook] = run.evaluate(flow);
    }
    return next;
  },

  async UpdateContactData(run, action) {
    if (typeof action.Parameters.LanguageCode === 'string')
      run.languageCode = run.evaluate(action.Parameters.LanguageCode);
    return next;
  },

  UpdateFlowLoggingBehavior: async () => next,
  UpdateContactTextToSpeechVoice: async () => next,
  UpdateContactRecordingBehavior: async () => next,

  async DisconnectParticipant() {
    return { kind: 'end', disposition: { type: 'DISCONNECTED', by: 'FLOW' } };
  },

  async EndFlowExecution() {
    return { kind: 'end', disposition: { type: 'ENDED', reason: 'EndFlowExecution' } };
  },
};

export const SUPPORTED_ACTION_TYPES: ReadonlySet<string> = new Set(Object.keys(ACTIONS));

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
 * Runs Amazon Connect Flow Language documents locally, action by action, invoking the same
 * Lambda handlers that deploy, in-process, with Connect-shaped events.
 */
export class FlowEngine {
  readonly resources: EngineResources;

  constructor(resources: EngineResources) {
    this.resources = resources;
  }

  async run(options: ContactOptions): Promise<ContactResult> {
    const run = new ContactRun(this, options);
    const disposition = await this.execute(run, options.flowArn);
    return {
      contactId: run.contactId,
      attributes: run.attributes,
      transcript: run.transcript,
      disposition,
    };
  }

  private async execute(run: ContactRun, startFlowArn: string): Promise<Disposition> {
    let flow = this.flow(startFlowArn);
    let actionId: string | undefined = flow.document.StartAction;
    for (let step = 0; step < MAX_STEPS_PER_CONTACT; step++) {
      const action = actionId
        ? flow.document.Actions.find((a) => a.Identifier === actionId)
        : undefined;
      if (!action) return { type: 'ENDED', reason: `No action "${actionId}" in flow ${flow.id}` };
      const handler = ACTIONS[action.Type];
      if (!handler)
        throw new Error(
          `Flow ${flow.id} uses ${action.Type}, which the local engine does not support`,
        );
      let outcome: ActionOutcome;
      try {
        outcome = await handler(run, action);
      } catch (error) {
        if (error instanceof CallerHungUp) return { type: 'DISCONNECTED', by: 'CUSTOMER' };
        throw error;
      }
      if (outcome.kind === 'error') {
        run.record({
          type: 'error',
          action: action.Identifier,
          errorType: outcome.errorType,
          ...(outcome.message && { message: outcome.message }),
        });
      }
      if (outcome.kind === 'end') return outcome.disposition;
      if (outcome.kind === 'transfer') {
        flow = this.flow(outcome.flowArn);
        run.record({ type: 'flow', action: action.Identifier, flow: flow.id });
        actionId = flow.document.StartAction;
        continue;
      }
      if (TERMINAL_TYPES.has(action.Type)) return { type: 'ENDED', reason: action.Type };
      actionId = route(action, outcome);
    }
    throw new Error(
      `Contact ran more than ${MAX_STEPS_PER_CONTACT} actions: a flow loops without end`,
    );
  }

  private flow(arn: string): LoadedFlow {
    const flow = this.resources.flows.get(arn);
    if (!flow) throw new Error(`No flow with ARN ${arn}`);
    return flow;
  }
}
