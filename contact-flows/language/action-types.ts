import type { Channel, FlowAction, FlowType } from './flow.schema.ts';

/**
 * What the flow language says about each action type, in one place: the validator checks flows
 * against it and the local engine runs them by it (AWS Flow Language reference and real exports).
 */
export interface ActionTypeSpec {
  /**
   * Parameters Connect reads. `required`: Connect rejects the action without it. `flow`: the
   * parameter names the flow or module the contact moves to (a transition out of this flow).
   */
  readonly parameters?: Readonly<
    Record<string, { readonly required?: true; readonly flow?: true }>
  >;
  /** The results the action's Conditions match, when the action yields a fixed set of them. */
  readonly results?: Readonly<Record<string, string>>;
  /** Whether Transitions.Conditions must name exactly `results`, each once. */
  readonly exactConditions?: true;
  /** Error branches Connect requires ("must always be defined"; every real export has them). */
  readonly requiredErrors?: readonly string[];
  /** Error types the action raises besides NoMatchingError (the engine raises no other). */
  readonly errors?: readonly string[];
  /** `flow`: the action ends the flow (no transition, no error); `queue`: it may leave for a queue. */
  readonly ends?: 'flow' | 'queue';
  /** The action cannot fail: no error branch expected even in strict mode. */
  readonly cannotFail?: true;
  /** Flow types the action may not appear in. */
  readonly forbiddenIn?: readonly FlowType[];
  /** Only a flow module may use it. */
  readonly moduleOnly?: true;
  /**
   * The channels the block runs on (AWS "Supported channels for flow blocks"); on any other it
   * takes its error branch. Every channel when omitted; {@link actionChannels} refines it per action.
   */
  readonly channels?: readonly Channel[];
}

const WHISPER_AND_HOLD: readonly FlowType[] = [
  'CUSTOMER_WHISPER',
  'AGENT_WHISPER',
  'OUTBOUND_WHISPER',
  'CUSTOMER_HOLD',
  'AGENT_HOLD',
];
const QUEUE_WHISPER_AND_HOLD: readonly FlowType[] = ['CUSTOMER_QUEUE', ...WHISPER_AND_HOLD];
const INBOUND: readonly FlowType[] = ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'];
const VOICE_ONLY: readonly Channel[] = ['VOICE'];

const promptSources = {
  PromptId: {},
  Text: {},
  SSML: {},
  Media: {},
} as const;

/** Every action type of Flow Language 2019-10-30 we know of. */
export const ACTION_TYPES = {
  MessageParticipant: { parameters: promptSources },
  GetParticipantInput: {
    parameters: {
      ...promptSources,
      StoreInput: {},
      InputTimeLimitSeconds: {},
      InputValidation: {},
      DTMFConfiguration: {},
    },
    errors: ['InputTimeLimitExceeded', 'NoMatchingCondition', 'InvalidPhoneNumber'],
    requiredErrors: ['NoMatchingError'],
    forbiddenIn: WHISPER_AND_HOLD,
    channels: VOICE_ONLY,
  },
  DisconnectParticipant: { ends: 'flow', cannotFail: true },
  MessageParticipantIteratively: {
    parameters: { Messages: { required: true }, InterruptFrequencySeconds: {} },
    results: { interrupted: 'MessagesInterrupted' },
    forbiddenIn: INBOUND,
    channels: VOICE_ONLY,
  },
  ConnectParticipantWithLexBot: {},
  TransferParticipantToThirdParty: { channels: VOICE_ONLY },
  UpdateContactAttributes: { parameters: { Attributes: { required: true }, TargetContact: {} } },
  UpdateContactTargetQueue: {
    parameters: { QueueId: {}, AgentId: {} },
    requiredErrors: ['NoMatchingError'],
    forbiddenIn: QUEUE_WHISPER_AND_HOLD,
  },
  TransferContactToQueue: {
    ends: 'queue',
    errors: ['QueueAtCapacity'],
    requiredErrors: ['QueueAtCapacity', 'NoMatchingError'],
    forbiddenIn: QUEUE_WHISPER_AND_HOLD,
  },
  DequeueContactAndTransferToQueue: {
    errors: ['QueueAtCapacity'],
    requiredErrors: ['QueueAtCapacity', 'NoMatchingError'],
    forbiddenIn: INBOUND,
  },
  UpdateContactRecordingBehavior: { cannotFail: true, channels: ['VOICE', 'CHAT'] },
  UpdateContactRecordingAndAnalyticsBehavior: {},
  UpdateContactTextToSpeechVoice: {},
  UpdateContactData: { parameters: { LanguageCode: {}, WisdomSessionArn: {} } },
  // One hook in EventHooks, or none with EventHooksConfiguration (how a flow disables a default whisper).
  UpdateContactEventHooks: {
    parameters: { EventHooks: { flow: true }, EventHooksConfiguration: {} },
  },
  UpdateContactCallbackNumber: {
    parameters: { CallbackNumber: { required: true } },
    errors: ['InvalidCallbackNumber', 'CallbackNumberNotDialable'],
    requiredErrors: ['InvalidCallbackNumber', 'CallbackNumberNotDialable'],
    channels: VOICE_ONLY,
  },
  UpdateContactRoutingBehavior: { cannotFail: true },
  UpdateContactMediaStreamingBehavior: { channels: VOICE_ONLY },
  TransferContactToAgent: { ends: 'flow', cannotFail: true, channels: VOICE_ONLY },
  CreateTask: {},
  StartOutboundChatContact: {},
  InvokeFlowModule: {
    parameters: { FlowModuleId: { required: true, flow: true } },
    requiredErrors: ['NoMatchingError'],
  },
  EndFlowModuleExecution: { ends: 'flow', cannotFail: true, moduleOnly: true },
  TagContact: {},
  UntagContact: {},
  Compare: {
    parameters: { ComparisonValue: { required: true } },
    errors: ['NoMatchingCondition'],
    requiredErrors: ['NoMatchingCondition'],
  },
  CheckHoursOfOperation: {
    parameters: { HoursOfOperationId: {} },
    results: { open: 'True', closed: 'False' },
    exactConditions: true,
    requiredErrors: ['NoMatchingError'],
    forbiddenIn: WHISPER_AND_HOLD,
  },
  CheckMetricData: {
    parameters: { MetricType: { required: true }, QueueId: {} },
    errors: ['NoMatchingCondition'],
    requiredErrors: ['NoMatchingError'],
  },
  GetMetricData: { parameters: { QueueChannel: {} } },
  Loop: {
    parameters: { LoopCount: { required: true } },
    results: { again: 'ContinueLooping', done: 'DoneLooping' },
    exactConditions: true,
    cannotFail: true,
  },
  DistributeByPercentage: { errors: ['NoMatchingCondition'], cannotFail: true },
  Wait: {
    parameters: { TimeLimitSeconds: {}, TimeoutSeconds: {}, Events: {} },
    results: { completed: 'WaitCompleted' },
    channels: ['CHAT', 'TASK', 'EMAIL'],
  },
  TransferToFlow: {
    parameters: { ContactFlowId: { required: true, flow: true } },
    requiredErrors: ['NoMatchingError'],
    forbiddenIn: QUEUE_WHISPER_AND_HOLD,
  },
  EndFlowExecution: { ends: 'flow', cannotFail: true, forbiddenIn: INBOUND },
  UpdateFlowLoggingBehavior: {
    parameters: { FlowLoggingBehavior: { required: true } },
    cannotFail: true,
  },
  UpdateFlowAttributes: { parameters: { FlowAttributes: { required: true } } },
  InvokeLambdaFunction: {
    parameters: {
      LambdaFunctionARN: { required: true },
      InvocationTimeLimitSeconds: { required: true },
      InvocationType: {},
      LambdaInvocationAttributes: {},
      ResponseValidation: {},
    },
    requiredErrors: ['NoMatchingError'],
  },
  CreateCallbackContact: {
    parameters: {
      QueueId: {},
      InitialCallDelaySeconds: {},
      MaximumConnectionAttempts: {},
      RetryDelaySeconds: {},
    },
    requiredErrors: ['NoMatchingError'],
    forbiddenIn: WHISPER_AND_HOLD,
    channels: VOICE_ONLY,
  },
  CreateCase: {},
  GetCase: {},
  UpdateCase: {},
  CreateCustomerProfile: {},
  GetCustomerProfile: {},
  UpdateCustomerProfile: {},
  AssociateContactToCustomerProfile: {},
  CreateWisdomSession: { channels: ['VOICE', 'CHAT', 'EMAIL'] },
  CreatePersistentContactAssociation: { channels: ['CHAT'] },
  ShowView: { channels: ['CHAT', 'EMAIL'] },
  AuthenticateParticipant: { channels: ['CHAT'] },
  CheckVoiceId: { channels: VOICE_ONLY },
  SetVoiceId: { channels: VOICE_ONLY },
} as const satisfies Record<string, ActionTypeSpec>;

export type ActionType = keyof typeof ACTION_TYPES;

export const KNOWN_ACTION_TYPES: ReadonlySet<string> = new Set(Object.keys(ACTION_TYPES));

/** The spec of a known action type; undefined for a type the flow language does not have. */
export const actionTypeSpec = (type: string): ActionTypeSpec | undefined =>
  KNOWN_ACTION_TYPES.has(type) ? ACTION_TYPES[type as ActionType] : undefined;

/** Whether the action can raise `errorType` (every action that can fail raises NoMatchingError). */
export const raisesError = (type: string, errorType: string): boolean => {
  const spec = actionTypeSpec(type);
  if (!spec || spec.cannotFail) return spec?.errors?.includes(errorType) ?? false;
  return errorType === 'NoMatchingError' || (spec.errors?.includes(errorType) ?? false);
};

/**
 * The channels one action runs on: its type's, refined by its parameters. Get customer input
 * reaches chat only through a Lex bot, and never when it stores the input; a message plays
 * audio (PromptId, SSML, Media) on voice only, where other channels take Text alone.
 */
export const actionChannels = (action: FlowAction): readonly Channel[] | undefined => {
  const { Parameters: parameters, Type: type } = action;
  if (type === 'GetParticipantInput') {
    const lex = parameters.LexV2Bot !== undefined || parameters.LexBot !== undefined;
    return lex && parameters.StoreInput !== 'True' ? ['VOICE', 'CHAT'] : VOICE_ONLY;
  }
  if (type === 'MessageParticipant') return parameters.Text === undefined ? VOICE_ONLY : undefined;
  // Set hold flow is voice only; the other event hooks (whisper, queue, disconnect) run everywhere.
  if (type === 'UpdateContactEventHooks') {
    const hooks = Object.keys((parameters.EventHooks ?? {}) as object);
    return hooks.some((hook) => hook.endsWith('Hold')) ? VOICE_ONLY : undefined;
  }
  return actionTypeSpec(type)?.channels;
};

/** Whether an action runs on a channel (rather than taking its error branch). */
export const runsOn = (action: FlowAction, channel: Channel): boolean =>
  actionChannels(action)?.includes(channel) ?? true;

/** The flow or module reference an action moves the contact to (TransferToFlow, InvokeFlowModule). */
export const flowReference = (action: FlowAction): unknown => {
  const parameters = actionTypeSpec(action.Type)?.parameters ?? {};
  const name = Object.keys(parameters).find((key) => parameters[key]?.flow);
  return name === undefined ? undefined : action.Parameters[name];
};
