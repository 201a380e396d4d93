import type { FlowAction, FlowDocument } from '#flows/language/flow.schema.ts';

type Transitions = FlowAction['Transitions'];

/** Where a prompt or input goes when the caller is silent, keys something unexpected, or Connect errs. */
export interface InputBranches {
  readonly onTimeout: string;
  readonly onInvalid?: string;
  readonly onError: string;
  /** @default 6 */
  readonly timeoutSeconds?: number;
}

const LANGUAGE = '$.Attributes.lang';

/**
 * Writes Flow Language with the platform's conventions, so the committed flows stay regular:
 * every static prompt in English (text-to-speech, `${en:id}`) and Kiswahili (recorded audio,
 * `${sw:id}`) chosen by the contact's `lang` attribute; dynamic speech from a handler's `say`
 * (English) or clips (Kiswahili, played by the say-clips module); every Lambda called with the
 * caller's language and Connect's 3-second budget; an error branch on every action that can
 * fail. The output is plain Flow Language: what is committed is what deploys and what the
 * local engine runs.
 */
export class FlowBuilder {
  private readonly actions: FlowAction[] = [];
  private readonly start: string;

  constructor(start: string) {
    this.start = start;
  }

  document(): FlowDocument {
    const ids = new Set<string>();
    for (const action of this.actions) {
      if (ids.has(action.Identifier)) throw new Error(`Duplicate action ${action.Identifier}`);
      ids.add(action.Identifier);
    }
    return { Version: '2019-10-30', StartAction: this.start, Metadata: {}, Actions: this.actions };
  }

  /** Adds a run of actions written elsewhere (keypad.ts, queueing.ts) in its place in the chain. */
  with(actions: (flow: FlowBuilder) => FlowBuilder): this {
    actions(this);
    return this;
  }

  /** Any action, as Flow Language writes it. */
  add(
    Identifier: string,
    Type: string,
    Parameters: Record<string, unknown>,
    Transitions: Transitions,
  ): this {
    this.actions.push({ Identifier, Type, Parameters, Transitions });
    return this;
  }

  private byLanguage(id: string): this {
    return this.add(
      id,
      'Compare',
      { ComparisonValue: LANGUAGE },
      {
        NextAction: `${id}-en`,
        Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: `${id}-en` }],
        Conditions: [
          { NextAction: `${id}-sw`, Condition: { Operator: 'Equals', Operands: ['sw'] } },
        ],
      },
    );
  }

  /** Speaks a static catalogue prompt in the caller's language, then goes on (a failed prompt must not end the call). */
  say(id: string, prompt: string, next: string): this {
    const then = continueTo(next);
    return this.byLanguage(id)
      .add(`${id}-en`, 'MessageParticipant', { Text: `\${en:${prompt}}` }, then)
      .add(`${id}-sw`, 'MessageParticipant', { Media: kiswahiliAudio(`\${sw:${prompt}}`) }, then);
  }

  /** Speaks what the last Lambda rendered: `say` in English, its recorded clips in Kiswahili. */
  sayResult(id: string, next: string): this {
    const then = continueTo(next);
    return this.byLanguage(id)
      .add(`${id}-en`, 'MessageParticipant', { Text: '$.External.say' }, then)
      .add(`${id}-sw`, 'InvokeFlowModule', { FlowModuleId: '${SayClipsModuleArn}' }, then);
  }

  /** A keypad menu: one key per option, silence and unknown keys handled. */
  menu(id: string, prompt: string, options: Record<string, string>, branches: InputBranches): this {
    const build = (language: 'en' | 'sw') => ({
      ...promptParameters(language, prompt),
      StoreInput: 'False',
      InputTimeLimitSeconds: String(branches.timeoutSeconds ?? 6),
    });
    const transitions = menuTransitions(options, branches);
    return this.byLanguage(id)
      .add(`${id}-en`, 'GetParticipantInput', build('en'), transitions)
      .add(`${id}-sw`, 'GetParticipantInput', build('sw'), transitions);
  }

  /**
   * A menu whose options the last Lambda rendered (centres, services, slots from data): in
   * English the input prompt speaks `$.External.say`; in Kiswahili the say-clips module plays
   * the recorded clips, then a short recorded prompt listens for the key.
   */
  dynamicMenu(id: string, options: Record<string, string>, branches: InputBranches): this {
    const transitions = menuTransitions(options, branches);
    const input = {
      StoreInput: 'False',
      InputTimeLimitSeconds: String(branches.timeoutSeconds ?? 6),
    };
    return this.byLanguage(id)
      .add(`${id}-en`, 'GetParticipantInput', { Text: '$.External.say', ...input }, transitions)
      .add(
        `${id}-sw`,
        'InvokeFlowModule',
        { FlowModuleId: '${SayClipsModuleArn}' },
        {
          NextAction: `${id}-sw-input`,
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: `${id}-sw-input` }],
        },
      )
      .add(
        `${id}-sw-input`,
        'GetParticipantInput',
        { ...promptParameters('sw', 'main.choose_now'), ...input },
        transitions,
      );
  }

  /**
   * Collects several digits ended by #, into $.StoredCustomerInput. `*` is an ordinary key here
   * (flows read "*" as "back to the menu" and "0" as "an agent").
   */
  digits(
    id: string,
    prompt: string,
    maxLength: number,
    next: string,
    branches: Omit<InputBranches, 'onInvalid'>,
  ): this {
    const build = (language: 'en' | 'sw') => ({
      ...promptParameters(language, prompt),
      StoreInput: 'True',
      InputTimeLimitSeconds: String(branches.timeoutSeconds ?? 8),
      InputValidation: { CustomValidation: { MaximumLength: String(maxLength) } },
      DTMFConfiguration: {
        InputTerminationSequence: '#',
        DisableCancelKey: 'True',
        InterdigitTimeLimitSeconds: '5',
      },
    });
    const transitions: Transitions = {
      NextAction: next,
      Errors: [
        { ErrorType: 'InputTimeLimitExceeded', NextAction: branches.onTimeout },
        { ErrorType: 'NoMatchingError', NextAction: branches.onError },
      ],
    };
    return this.byLanguage(id)
      .add(`${id}-en`, 'GetParticipantInput', build('en'), transitions)
      .add(`${id}-sw`, 'GetParticipantInput', build('sw'), transitions);
  }

  /** Collects a Kenyan phone number (07…, 01…), validated by Connect, into $.StoredCustomerInput in E.164. */
  phoneNumber(
    id: string,
    prompt: string,
    next: string,
    branches: Required<Pick<InputBranches, 'onInvalid' | 'onTimeout' | 'onError'>>,
  ): this {
    const build = (language: 'en' | 'sw') => ({
      ...promptParameters(language, prompt),
      StoreInput: 'True',
      InputTimeLimitSeconds: '10',
      InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'KE' } },
      DTMFConfiguration: { InputTerminationSequence: '#' },
    });
    const transitions: Transitions = {
      NextAction: next,
      Errors: [
        { ErrorType: 'InvalidPhoneNumber', NextAction: branches.onInvalid },
        { ErrorType: 'InputTimeLimitExceeded', NextAction: branches.onTimeout },
        { ErrorType: 'NoMatchingError', NextAction: branches.onError },
      ],
    };
    return this.byLanguage(id)
      .add(`${id}-en`, 'GetParticipantInput', build('en'), transitions)
      .add(`${id}-sw`, 'GetParticipantInput', build('sw'), transitions);
  }

  /** Plays a prompt over and over (a customer queue's hold message), interrupted every `seconds`. */
  sayRepeatedly(id: string, prompt: string, seconds: number, next: string): this {
    const build = (language: 'en' | 'sw') => ({
      Messages: [promptParameters(language, prompt)],
      InterruptFrequencySeconds: String(seconds),
    });
    const transitions: Transitions = {
      NextAction: next,
      Errors: [{ ErrorType: 'NoMatchingError', NextAction: next }],
      Conditions: [
        { NextAction: next, Condition: { Operator: 'Equals', Operands: ['MessagesInterrupted'] } },
      ],
    };
    return this.byLanguage(id)
      .add(`${id}-en`, 'MessageParticipantIteratively', build('en'), transitions)
      .add(`${id}-sw`, 'MessageParticipantIteratively', build('sw'), transitions);
  }

  /** Calls a platform Lambda (by placeholder) with the caller's language; any failure takes `onError`. */
  invoke(
    id: string,
    functionPlaceholder: string,
    parameters: Record<string, string>,
    next: string,
    onError: string,
  ): this {
    return this.add(
      id,
      'InvokeLambdaFunction',
      {
        LambdaFunctionARN: `\${${functionPlaceholder}}`,
        InvocationTimeLimitSeconds: '3',
        InvocationType: 'SYNCHRONOUS',
        LambdaInvocationAttributes: { ...parameters, lang: LANGUAGE },
        ResponseValidation: { ResponseType: 'STRING_MAP' },
      },
      { NextAction: next, Errors: [{ ErrorType: 'NoMatchingError', NextAction: onError }] },
    );
  }

  /** Branches on a value (e.g. `$.External.outcome`); anything unlisted goes to `otherwise`. */
  branch(id: string, value: string, cases: Record<string, string>, otherwise: string): this {
    return this.add(
      id,
      'Compare',
      { ComparisonValue: value },
      {
        NextAction: otherwise,
        Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: otherwise }],
        Conditions: Object.entries(cases).map(([operand, target]) => ({
          NextAction: target,
          Condition: { Operator: 'Equals', Operands: [operand] },
        })),
      },
    );
  }

  /** Branches on the outcome an operation returned (`$.External.outcome`). */
  outcome(id: string, cases: Record<string, string>, otherwise = 'error'): this {
    return this.branch(id, '$.External.outcome', cases, otherwise);
  }

  /**
   * Into the queue the routing flow chose (`$.Attributes.agentQueue`), falling back to the
   * general queue, then to `next`; `onError` when neither can be set.
   */
  targetQueue(id: string, fallbackId: string, next: string, onError: string): this {
    return this.add(
      id,
      'UpdateContactTargetQueue',
      { QueueId: '$.Attributes.agentQueue' },
      { NextAction: next, Errors: [{ ErrorType: 'NoMatchingError', NextAction: fallbackId }] },
    ).add(
      fallbackId,
      'UpdateContactTargetQueue',
      { QueueId: '${GeneralQueueArn}' },
      { NextAction: next, Errors: [{ ErrorType: 'NoMatchingError', NextAction: onError }] },
    );
  }

  /** Puts the contact in its target queue; `onFull` when the queue is at capacity. */
  transferToQueue(id: string, onFull: string, onError: string): this {
    return this.add(
      id,
      'TransferContactToQueue',
      {},
      {
        NextAction: onError,
        Errors: [
          { ErrorType: 'QueueAtCapacity', NextAction: onFull },
          { ErrorType: 'NoMatchingError', NextAction: onError },
        ],
      },
    );
  }

  /** Sets one event hook (e.g. CustomerQueue, CustomerRemaining) to a flow. */
  hook(id: string, hook: string, flow: string, next: string): this {
    return this.add(
      id,
      'UpdateContactEventHooks',
      { EventHooks: { [hook]: flow } },
      continueTo(next),
    );
  }

  setAttributes(id: string, attributes: Record<string, string>, next: string): this {
    return this.add(
      id,
      'UpdateContactAttributes',
      { Attributes: attributes, TargetContact: 'Current' },
      {
        NextAction: next,
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: next }],
      },
    );
  }

  /**
   * Appends a step (`<capability>` or `<capability>:<outcome>`) to the contact's `journey`
   * attribute: what the agent's screen pop shows and call logs keep as the IVR path. `beside`
   * are attributes set with it (how self-service ended, a reference).
   */
  step(id: string, step: string, next: string, beside: Record<string, string> = {}): this {
    return this.setAttributes(id, { ...beside, journey: `$.Attributes.journey,${step}` }, next);
  }

  /**
   * Turns flow logging off (before a proof or ID number is keyed) or back on (once those digits
   * are used): flow logs never carry them (contact-flows/language/rules/privacy-rules.ts).
   */
  flowLogging(id: string, logging: 'Enabled' | 'Disabled', next: string): this {
    return this.add(
      id,
      'UpdateFlowLoggingBehavior',
      { FlowLoggingBehavior: logging },
      { NextAction: next },
    );
  }

  /** Repeats `again` `count` times, then goes to `done`. */
  loop(id: string, count: number, again: string, done: string): this {
    return this.add(
      id,
      'Loop',
      { LoopCount: String(count) },
      {
        NextAction: done,
        Conditions: [
          { NextAction: again, Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
          { NextAction: done, Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
        ],
      },
    );
  }

  /** Continues in another flow (a placeholder, or a JSONPath holding the flow's ARN). */
  transfer(id: string, flow: string, onError: string): this {
    return this.add(
      id,
      'TransferToFlow',
      { ContactFlowId: flow },
      {
        NextAction: onError,
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: onError }],
      },
    );
  }

  disconnect(id: string): this {
    return this.add(id, 'DisconnectParticipant', {}, {});
  }
}

/** Where a keypad menu goes: the key's target, or the silence, unknown-key and error branches. */
const menuTransitions = (
  options: Record<string, string>,
  branches: InputBranches,
): Transitions => ({
  NextAction: branches.onInvalid ?? branches.onTimeout,
  Errors: [
    { ErrorType: 'InputTimeLimitExceeded', NextAction: branches.onTimeout },
    { ErrorType: 'NoMatchingCondition', NextAction: branches.onInvalid ?? branches.onTimeout },
    { ErrorType: 'NoMatchingError', NextAction: branches.onError },
  ],
  Conditions: Object.entries(options).map(([key, target]) => ({
    NextAction: target,
    Condition: { Operator: 'Equals', Operands: [key] },
  })),
});

/** Goes on to `next` whether the action succeeds or fails (prompts, hooks, settings). */
export const continueTo = (next: string): Transitions => ({
  NextAction: next,
  Errors: [{ ErrorType: 'NoMatchingError', NextAction: next }],
});

/** Kiswahili prompts are recordings played from S3 (Polly has no Swahili voice). */
const kiswahiliAudio = (uri: string) => ({ Uri: uri, SourceType: 'S3', MediaType: 'Audio' });

const promptParameters = (language: 'en' | 'sw', prompt: string) =>
  language === 'en' ? { Text: `\${en:${prompt}}` } : { Media: kiswahiliAudio(`\${sw:${prompt}}`) };
