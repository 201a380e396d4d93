import {
  ACTION_TYPES,
  type ActionType,
  type ActionTypeSpec,
} from '#flows/language/action-types.ts';
import { hasExactResultConditions } from './catalogue-rules.ts';
import type { ActionContext, ActionRule } from './types.ts';

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

const isStatic = (value: unknown) =>
  typeof value === 'string' && !value.includes('$.') && !value.includes('${');
const isInteger = (value: unknown, min: number, max: number) =>
  typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;

/** A rule that the action's Conditions are exactly its type's fixed results. */
const exactResults =
  (type: ActionType, rule: string): ActionRule =>
  (context: ActionContext) => {
    if (hasExactResultConditions(type, context)) return;
    const { results = {} }: ActionTypeSpec = ACTION_TYPES[type];
    const names = Object.values(results).map((result) => `Equals ${result}`);
    context.problem(rule, `${type} needs exactly the conditions ${names.join(' and ')}`);
  };

const getParticipantInput: ActionRule = ({ parameters, conditions, errorTypes, problem }) => {
  const stored = parameters.StoreInput === 'True';
  if (stored && conditions.length > 0)
    problem('input-conditions', 'Stored input (StoreInput True) allows no conditions');
  if (stored && !parameters.InputValidation)
    problem('input-validation', 'StoreInput True needs InputValidation');
  if (!stored && parameters.InputValidation)
    problem('input-validation', 'InputValidation is only allowed with StoreInput True');
  for (const { Condition } of conditions) {
    if (
      Condition.Operator !== 'Equals' ||
      Condition.Operands.length !== 1 ||
      !/^[0-9*#]$/.test(Condition.Operands[0] ?? '')
    ) {
      problem('input-conditions', 'Menu conditions must be Equals on one static key 0-9, * or #');
    }
  }
  if (!stored && conditions.length > 0 && !errorTypes.has('NoMatchingCondition'))
    problem('required-error', 'A menu needs a NoMatchingCondition error branch');
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
};

const loop: ActionRule = (context) => {
  exactResults('Loop', 'loop-conditions')(context);
  const { LoopCount } = context.parameters;
  if (isStatic(LoopCount) && !isInteger(LoopCount, 0, 100))
    context.problem('loop-count', 'LoopCount must be 0-100');
};

const invokeLambdaFunction: ActionRule = ({ parameters, problem }) => {
  if (!isInteger(parameters.InvocationTimeLimitSeconds, 1, 8))
    problem('lambda-time-limit', 'InvocationTimeLimitSeconds must be a static integer from 1 to 8');
};

const messageParticipant: ActionRule = ({ parameters, problem }) => {
  const sources = ['PromptId', 'Text', 'SSML'].filter((key) => parameters[key] !== undefined);
  if (sources.length > 1)
    problem('message-source', `Only one of PromptId, Text and SSML (got ${sources.join(', ')})`);
  if (sources.length === 0 && !parameters.Media)
    problem('message-source', 'A message needs PromptId, Text, SSML or Media');
};

/** One hook in EventHooks, or none when EventHooksConfiguration says what to do (e.g. disable a whisper). */
const updateContactEventHooks: ActionRule = ({ parameters, problem }) => {
  const hooks = Object.keys((parameters.EventHooks ?? {}) as object);
  const configured = Object.keys((parameters.EventHooksConfiguration ?? {}) as object);
  if (hooks.length > 1) problem('event-hooks', 'UpdateContactEventHooks sets one hook at a time');
  if (hooks.length === 0 && configured.length === 0)
    problem(
      'event-hooks',
      'UpdateContactEventHooks needs an EventHooks or EventHooksConfiguration entry',
    );
  for (const hook of new Set([...hooks, ...configured]))
    if (!EVENT_HOOKS.has(hook)) problem('event-hooks', `Unknown event hook ${hook}`);
};

const updateContactTargetQueue: ActionRule = ({ parameters, problem }) => {
  if ((parameters.QueueId === undefined) === (parameters.AgentId === undefined))
    problem(
      'target-queue',
      'UpdateContactTargetQueue takes QueueId or AgentId, not both or neither',
    );
};

const compare: ActionRule = ({ parameters, problem }) => {
  if (
    typeof parameters.ComparisonValue !== 'string' ||
    !/^\$(\.[\w-]+|\['[^']+'\])+$/.test(parameters.ComparisonValue)
  ) {
    problem('compare', 'ComparisonValue must be one JSONPath');
  }
};

/** Rules of one action type's parameters and conditions, beyond what its spec declares. */
export const ACTION_TYPE_RULES: Partial<Record<ActionType, ActionRule>> = {
  GetParticipantInput: getParticipantInput,
  Loop: loop,
  CheckHoursOfOperation: exactResults('CheckHoursOfOperation', 'hours-conditions'),
  InvokeLambdaFunction: invokeLambdaFunction,
  MessageParticipant: messageParticipant,
  UpdateContactEventHooks: updateContactEventHooks,
  UpdateContactTargetQueue: updateContactTargetQueue,
  Compare: compare,
};
