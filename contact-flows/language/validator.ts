import { type FlowAction, FlowSchema, type FlowType } from './flow.schema.ts';
import { findMalformedPlaceholders, findPlaceholders, PLACEHOLDER } from './placeholders.ts';

/** Every action type of Flow Language 2019-10-30 we know of (AWS reference and real exports). */
export const KNOWN_ACTION_TYPES: ReadonlySet<string> = new Set([
  'MessageParticipant',
  'GetParticipantInput',
  'DisconnectParticipant',
  'MessageParticipantIteratively',
  'ConnectParticipantWithLexBot',
  'TransferParticipantToThirdParty',
  'UpdateContactAttributes',
  'UpdateContactTargetQueue',
  'TransferContactToQueue',
  'DequeueContactAndTransferToQueue',
  'UpdateContactRecordingBehavior',
  'UpdateContactRecordingAndAnalyticsBehavior',
  'UpdateContactTextToSpeechVoice',
  'UpdateContactData',
  'UpdateContactEventHooks',
  'UpdateContactCallbackNumber',
  'UpdateContactRoutingBehavior',
  'UpdateContactMediaStreamingBehavior',
  'TransferContactToAgent',
  'CreateTask',
  'StartOutboundChatContact',
  'InvokeFlowModule',
  'EndFlowModuleExecution',
  'TagContact',
  'UntagContact',
  'Compare',
  'CheckHoursOfOperation',
  'CheckMetricData',
  'GetMetricData',
  'Loop',
  'DistributeByPercentage',
  'Wait',
  'TransferToFlow',
  'EndFlowExecution',
  'UpdateFlowLoggingBehavior',
  'UpdateFlowAttributes',
  'InvokeLambdaFunction',
  'CreateCallbackContact',
  'CreateCase',
  'GetCase',
  'UpdateCase',
  'CreateCustomerProfile',
  'GetCustomerProfile',
  'UpdateCustomerProfile',
  'AssociateContactToCustomerProfile',
  'CreateWisdomSession',
  'CreatePersistentContactAssociation',
  'ShowView',
  'AuthenticateParticipant',
  'CheckVoiceId',
  'SetVoiceId',
]);

/** Error branches Connect requires (AWS reference "must always be defined", and every real export has). */
const REQUIRED_ERRORS: Record<string, readonly string[]> = {
  GetParticipantInput: ['NoMatchingError'],
  InvokeLambdaFunction: ['NoMatchingError'],
  TransferContactToQueue: ['QueueAtCapacity', 'NoMatchingError'],
  DequeueContactAndTransferToQueue: ['QueueAtCapacity', 'NoMatchingError'],
  Compare: ['NoMatchingCondition'],
  CheckHoursOfOperation: ['NoMatchingError'],
  CheckMetricData: ['NoMatchingError'],
  UpdateContactTargetQueue: ['NoMatchingError'],
  TransferToFlow: ['NoMatchingError'],
  CreateCallbackContact: ['NoMatchingError'],
  InvokeFlowModule: ['NoMatchingError'],
  UpdateContactCallbackNumber: ['InvalidCallbackNumber', 'CallbackNumberNotDialable'],
};

/** Actions that cannot fail, or end the flow: no error branch expected even in strict mode. */
const NO_ERROR_TYPES = new Set([
  'DisconnectParticipant',
  'EndFlowExecution',
  'EndFlowModuleExecution',
  'TransferContactToAgent',
  'Loop',
  'UpdateFlowLoggingBehavior',
  'UpdateContactRecordingBehavior',
  'UpdateContactRoutingBehavior',
  'DistributeByPercentage',
]);

const TERMINAL_TYPES = new Set([
  'DisconnectParticipant',
  'EndFlowExecution',
  'EndFlowModuleExecution',
  'TransferContactToAgent',
]);

/** Flow types an action may not appear in (AWS reference, per action). */
const FORBIDDEN_IN: Record<string, readonly FlowType[]> = {
  TransferContactToQueue: [
    'CUSTOMER_QUEUE',
    'CUSTOMER_WHISPER',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'CUSTOMER_HOLD',
    'AGENT_HOLD',
  ],
  GetParticipantInput: [
    'CUSTOMER_WHISPER',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'CUSTOMER_HOLD',
    'AGENT_HOLD',
  ],
  UpdateContactTargetQueue: [
    'CUSTOMER_QUEUE',
    'CUSTOMER_WHISPER',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'CUSTOMER_HOLD',
    'AGENT_HOLD',
  ],
  TransferToFlow: [
    'CUSTOMER_QUEUE',
    'CUSTOMER_WHISPER',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'CUSTOMER_HOLD',
    'AGENT_HOLD',
  ],
  EndFlowExecution: ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'],
  DequeueContactAndTransferToQueue: ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'],
  MessageParticipantIteratively: ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'],
  CheckHoursOfOperation: [
    'CUSTOMER_WHISPER',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'CUSTOMER_HOLD',
    'AGENT_HOLD',
  ],
  CreateCallbackContact: [
    'CUSTOMER_WHISPER',
    'AGENT_WHISPER',
    'OUTBOUND_WHISPER',
    'CUSTOMER_HOLD',
    'AGENT_HOLD',
  ],
};

const EVENT_HOOKS = new Set([
  'AgentHold',
  'AgentWhisper',
  'CustomerHold',
  'CustomerQueue',
  'CustomerRemaining',
  'CustomerWhisper',
  'DefaultAgentUI',
  'DisconnectAgentUI',
  'PauseContact',
  'ResumeContact',
]);

const FORBIDDEN_IDENTIFIER_CHARACTERS = /[%:()\\/=$,;[\]{}]/;
const FORBIDDEN_IDENTIFIERS = new Set([
  '__proto__',
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  'toString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'valueOf',
]);

export const MAX_CONTENT_CHARACTERS = 256_000;
export const MAX_ACTIONS = 250;
/** What an ARN can grow to once CDK fills a placeholder: used to bound the deployed content size. */
const ARN_ALLOWANCE = '.'.repeat(200);

export interface FlowProblem {
  readonly action?: string;
  readonly rule: string;
  readonly message: string;
}

export interface ValidationOptions {
  /** The flow's type, for per-type action restrictions; skipped when unknown. */
  readonly flowType?: FlowType;
  /** Flow modules may use EndFlowModuleExecution and are entered by InvokeFlowModule. */
  readonly module?: boolean;
  /**
   * How to treat `${…}` tokens. `repository`: our placeholders, each known (resources) or in the
   * prompt catalogue in both languages. `foreign`: another project's tokens, left unfilled.
   * `filled`: none may remain (a synthesized flow).
   */
  readonly placeholders: 'repository' | 'foreign' | 'filled';
  /** Resource placeholder names the repository fills (contact-flows/manifest.ts). */
  readonly resourcePlaceholders?: ReadonlySet<string>;
  /** The prompt catalogue: English and Kiswahili text of a prompt id, when it exists. */
  readonly prompt?: (id: string) => { en: string; sw: string } | undefined;
  /** Our own flows: every action that can fail has an error branch, so no path ends in dead air. */
  readonly strict?: boolean;
}

const isStatic = (value: unknown) =>
  typeof value === 'string' && !value.includes('$.') && !value.includes('${');
const isInteger = (value: unknown, min: number, max: number) =>
  typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;

/** Problems specific to one action's parameters and conditions. */
const checkAction = (action: FlowAction, options: ValidationOptions): FlowProblem[] => {
  const problems: FlowProblem[] = [];
  const problem = (rule: string, message: string) =>
    problems.push({ action: action.Identifier, rule, message });
  const parameters = action.Parameters as Record<string, unknown>;
  const { Conditions = [], Errors = [] } = action.Transitions;
  const errorTypes = new Set(Errors.map((error) => error.ErrorType));
  const conditions = Conditions.map(
    (c) => `${c.Condition.Operator}:${c.Condition.Operands.join('|')}`,
  ).sort();

  for (const required of REQUIRED_ERRORS[action.Type] ?? []) {
    if (!errorTypes.has(required))
      problem('required-error', `${action.Type} needs a ${required} error branch`);
  }
  if (
    options.strict &&
    !NO_ERROR_TYPES.has(action.Type) &&
    !errorTypes.has('NoMatchingError') &&
    !REQUIRED_ERRORS[action.Type]?.length
  ) {
    problem('required-error', `${action.Type} needs a NoMatchingError branch (strict)`);
  }
  const forbidden = options.flowType && FORBIDDEN_IN[action.Type];
  if (forbidden && options.flowType && forbidden.includes(options.flowType)) {
    problem('flow-type', `${action.Type} is not allowed in ${options.flowType} flows`);
  }
  if (action.Type === 'EndFlowModuleExecution' && !options.module) {
    problem('flow-type', 'EndFlowModuleExecution is only allowed in flow modules');
  }

  switch (action.Type) {
    case 'GetParticipantInput': {
      const stored = parameters.StoreInput === 'True';
      if (stored && Conditions.length > 0)
        problem('input-conditions', 'Stored input (StoreInput True) allows no conditions');
      if (stored && !parameters.InputValidation)
        problem('input-validation', 'StoreInput True needs InputValidation');
      if (!stored && parameters.InputValidation)
        problem('input-validation', 'InputValidation is only allowed with StoreInput True');
      for (const { Condition } of Conditions) {
        if (
          Condition.Operator !== 'Equals' ||
          Condition.Operands.length !== 1 ||
          !/^[0-9*#]$/.test(Condition.Operands[0] ?? '')
        ) {
          problem(
            'input-conditions',
            'Menu conditions must be Equals on one static key 0-9, * or #',
          );
        }
      }
      if (!stored && Conditions.length > 0 && !errorTypes.has('NoMatchingCondition')) {
        problem('required-error', 'A menu needs a NoMatchingCondition error branch');
      }
      const limit = parameters.InputTimeLimitSeconds ?? parameters.InputTimeoutSeconds;
      if (limit !== undefined && !isInteger(limit, 1, 180))
        problem('input-time-limit', 'InputTimeLimitSeconds must be a static integer > 0');
      const dtmf = parameters.DTMFConfiguration as Record<string, unknown> | undefined;
      if (
        dtmf?.InputTerminationSequence !== undefined &&
        !/^[0-9*#]{1,5}$/.test(String(dtmf.InputTerminationSequence))
      ) {
        problem('dtmf', 'InputTerminationSequence is up to 5 of 0-9, * and #');
      }
      if (
        dtmf?.InterdigitTimeLimitSeconds !== undefined &&
        !isInteger(dtmf.InterdigitTimeLimitSeconds, 1, 20)
      ) {
        problem('dtmf', 'InterdigitTimeLimitSeconds must be 1-20');
      }
      break;
    }
    case 'Loop':
      if (conditions.join() !== ['Equals:ContinueLooping', 'Equals:DoneLooping'].join()) {
        problem(
          'loop-conditions',
          'Loop needs exactly the conditions Equals ContinueLooping and Equals DoneLooping',
        );
      }
      if (isStatic(parameters.LoopCount) && !isInteger(parameters.LoopCount, 0, 100))
        problem('loop-count', 'LoopCount must be 0-100');
      break;
    case 'CheckHoursOfOperation':
      if (conditions.join() !== ['Equals:False', 'Equals:True'].join()) {
        problem(
          'hours-conditions',
          'CheckHoursOfOperation needs exactly the conditions Equals True and Equals False',
        );
      }
      break;
    case 'InvokeLambdaFunction':
      if (!isInteger(parameters.InvocationTimeLimitSeconds, 1, 8)) {
        problem(
          'lambda-time-limit',
          'InvocationTimeLimitSeconds must be a static integer from 1 to 8',
        );
      }
      break;
    case 'MessageParticipant': {
      const sources = ['PromptId', 'Text', 'SSML'].filter((key) => parameters[key] !== undefined);
      if (sources.length > 1)
        problem(
          'message-source',
          `Only one of PromptId, Text and SSML (got ${sources.join(', ')})`,
        );
      if (sources.length === 0 && !parameters.Media)
        problem('message-source', 'A message needs PromptId, Text, SSML or Media');
      break;
    }
    case 'UpdateContactEventHooks': {
      const hooks = Object.keys((parameters.EventHooks ?? {}) as object);
      if (hooks.length !== 1)
        problem('event-hooks', 'UpdateContactEventHooks sets exactly one hook');
      for (const hook of hooks)
        if (!EVENT_HOOKS.has(hook)) problem('event-hooks', `Unknown event hook ${hook}`);
      break;
    }
    case 'UpdateContactTargetQueue':
      if ((parameters.QueueId === undefined) === (parameters.AgentId === undefined)) {
        problem(
          'target-queue',
          'UpdateContactTargetQueue takes QueueId or AgentId, not both or neither',
        );
      }
      break;
    case 'Compare':
      if (
        typeof parameters.ComparisonValue !== 'string' ||
        !/^\$(\.[\w-]+|\['[^']+'\])+$/.test(parameters.ComparisonValue)
      ) {
        problem('compare', 'ComparisonValue must be one JSONPath');
      }
      break;
  }
  return problems;
};

/** Problems with `${…}` tokens, per the placeholder mode. */
const checkPlaceholders = (text: string, options: ValidationOptions): FlowProblem[] => {
  if (options.placeholders === 'foreign') return [];
  const problems: FlowProblem[] = [];
  if (options.placeholders === 'filled') {
    for (const token of text.match(/\$\{[^}]*\}?/g) ?? []) {
      problems.push({
        rule: 'unfilled-placeholder',
        message: `Placeholder ${token} was not filled`,
      });
    }
    return problems;
  }
  for (const token of findMalformedPlaceholders(text)) {
    problems.push({ rule: 'unknown-placeholder', message: `Malformed placeholder ${token}` });
  }
  for (const placeholder of new Map(findPlaceholders(text).map((p) => [p.token, p])).values()) {
    if (placeholder.kind === 'resource') {
      if (!options.resourcePlaceholders?.has(placeholder.name)) {
        problems.push({
          rule: 'unknown-placeholder',
          message: `No resource fills ${placeholder.token}`,
        });
      }
      continue;
    }
    const prompt = options.prompt?.(placeholder.promptId);
    if (!prompt?.en || !prompt.sw) {
      problems.push({
        rule: 'unknown-prompt',
        message: `Prompt ${placeholder.promptId} is not in the catalogue in English and Kiswahili`,
      });
    } else if (/\{\w+:\w+\}/.test(prompt[placeholder.lang])) {
      problems.push({
        rule: 'unknown-prompt',
        message: `Prompt ${placeholder.promptId} has slots: speak it from a handler's result`,
      });
    }
  }
  return problems;
};

/** The flow's content as deployed: prompts filled with their text, ARNs with the longest likely value. */
const deployedLength = (text: string, options: ValidationOptions): number =>
  options.placeholders !== 'repository'
    ? text.length
    : text.replace(PLACEHOLDER, (token) => {
        const prompt = /^\$\{en:(.+)\}$/.exec(token);
        return prompt
          ? JSON.stringify(options.prompt?.(prompt[1]!)?.en ?? '').slice(1, -1)
          : ARN_ALLOWANCE;
      }).length;

/**
 * Checks a flow against the rules Connect enforces when it publishes a flow, and ours:
 * action types, identifiers, transitions (dangling and unreachable), required error branches,
 * per-action parameter rules, flow-type restrictions, placeholders and content size.
 * Returns every problem found; an empty list means the flow is valid.
 */
export const validateFlow = (content: string, options: ValidationOptions): FlowProblem[] => {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return [{ rule: 'json', message: `Not JSON: ${(error as Error).message}` }];
  }
  const parsed = FlowSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      rule: 'schema',
      message: `${issue.path.join('.')}: ${issue.message}`,
    }));
  }
  const flow = parsed.data;
  const problems: FlowProblem[] = [];
  const length = deployedLength(content, options);
  if (length > MAX_CONTENT_CHARACTERS) {
    problems.push({
      rule: 'content-size',
      message: `Content is ${length} characters; Connect accepts ${MAX_CONTENT_CHARACTERS}`,
    });
  }
  if (flow.Actions.length > MAX_ACTIONS) {
    problems.push({
      rule: 'action-count',
      message: `${flow.Actions.length} actions; Connect accepts ${MAX_ACTIONS}`,
    });
  }

  const ids = new Map<string, FlowAction>();
  for (const action of flow.Actions) {
    const id = action.Identifier;
    if (ids.has(id))
      problems.push({ action: id, rule: 'identifier', message: 'Duplicate Identifier' });
    if (
      id.length === 0 ||
      id.length > 50 ||
      FORBIDDEN_IDENTIFIER_CHARACTERS.test(id) ||
      FORBIDDEN_IDENTIFIERS.has(id)
    ) {
      problems.push({
        action: id,
        rule: 'identifier',
        message: 'Identifier must be 1-50 characters without % : ( \\ / ) = $ , ; [ ] { }',
      });
    }
    ids.set(id, action);
    if (!KNOWN_ACTION_TYPES.has(action.Type)) {
      problems.push({
        action: id,
        rule: 'action-type',
        message: `Unknown action type ${action.Type}`,
      });
    }
  }
  if (!ids.has(flow.StartAction))
    problems.push({ rule: 'dangling', message: `StartAction ${flow.StartAction} does not exist` });

  const targets = (action: FlowAction) =>
    [
      action.Transitions.NextAction,
      ...(action.Transitions.Errors ?? []).map((e) => e.NextAction),
      ...(action.Transitions.Conditions ?? []).map((c) => c.NextAction),
    ].filter((target): target is string => target !== undefined && target !== '');

  for (const action of flow.Actions) {
    for (const target of targets(action)) {
      if (!ids.has(target))
        problems.push({
          action: action.Identifier,
          rule: 'dangling',
          message: `Transition to missing action ${target}`,
        });
    }
    if (
      !TERMINAL_TYPES.has(action.Type) &&
      targets(action).length === 0 &&
      action.Type !== 'TransferContactToQueue'
    ) {
      problems.push({
        action: action.Identifier,
        rule: 'dead-end',
        message: `${action.Type} has no transition and does not end the flow`,
      });
    }
    problems.push(...checkAction(action, options));
  }

  const reachable = new Set<string>();
  const pending = [flow.StartAction];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const action = ids.get(id);
    if (!action || reachable.has(id)) continue;
    reachable.add(id);
    pending.push(...targets(action));
  }
  for (const id of ids.keys()) {
    if (!reachable.has(id))
      problems.push({ action: id, rule: 'unreachable', message: 'No transition leads here' });
  }

  problems.push(...checkPlaceholders(content, options));
  return problems;
};

export const formatProblems = (flow: string, problems: readonly FlowProblem[]): string =>
  problems
    .map((p) => `${flow}${p.action ? `#${p.action}` : ''}: [${p.rule}] ${p.message}`)
    .join('\n');
