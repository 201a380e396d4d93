import {
  ACTION_TYPES,
  type ActionType,
  type ActionTypeSpec,
  actionChannels,
  actionTypeSpec,
} from '#flows/language/action-types.ts';
import type { ActionContext, ActionRule } from './types.ts';

/** Error branches Connect requires, and in strict mode a NoMatchingError wherever an action can fail. */
const requiredErrors: ActionRule = ({ action, errorTypes, options, problem }) => {
  const spec = actionTypeSpec(action.Type);
  for (const required of spec?.requiredErrors ?? []) {
    if (!errorTypes.has(required))
      problem('required-error', `${action.Type} needs a ${required} error branch`);
  }
  if (
    options.strict &&
    !spec?.cannotFail &&
    !errorTypes.has('NoMatchingError') &&
    !spec?.requiredErrors?.length
  ) {
    problem('required-error', `${action.Type} needs a NoMatchingError branch (strict)`);
  }
};

const flowType: ActionRule = ({ action, options, problem }) => {
  const spec = actionTypeSpec(action.Type);
  if (options.flowType && spec?.forbiddenIn?.includes(options.flowType))
    problem('flow-type', `${action.Type} is not allowed in ${options.flowType} flows`);
  // A flow of unknown kind may be a module: only a flow known not to be one is flagged.
  const knownNotModule = options.module === false || (!options.module && !!options.flowType);
  if (spec?.moduleOnly && knownNotModule)
    problem('flow-type', `${action.Type} is only allowed in flow modules`);
};

/** A warning where a flow meant for other channels uses a block that takes its error branch there. */
const channels: ActionRule = ({ action, options, warn }) => {
  const supported = actionChannels(action);
  const missing = (options.channels ?? []).filter((channel) => !supported?.includes(channel));
  if (supported && missing.length > 0)
    warn(
      'channel',
      `${action.Type} runs on ${supported.join(', ')} only: on ${missing.join(', ')} it takes its error branch`,
    );
};

const requiredParameters: ActionRule = ({ action, parameters, problem }) => {
  for (const [name, parameter] of Object.entries(actionTypeSpec(action.Type)?.parameters ?? {})) {
    if (parameter.required && parameters[name] === undefined)
      problem('missing-parameter', `${action.Type} needs the parameter ${name}`);
  }
};

/** The rules every action gets from its type's spec (contact-flows/language/action-types.ts). */
export const CATALOGUE_RULES: readonly ActionRule[] = [
  requiredErrors,
  flowType,
  requiredParameters,
  channels,
];

/** Whether the action's Conditions are exactly `Equals` on each fixed result of its type. */
export const hasExactResultConditions = (
  type: ActionType,
  { conditions }: Pick<ActionContext, 'conditions'>,
): boolean => {
  const spec: ActionTypeSpec = ACTION_TYPES[type];
  const expected = Object.values(spec.results ?? {}).map((result) => `Equals:${result}`);
  const actual = conditions.map((c) => `${c.Condition.Operator}:${c.Condition.Operands.join('|')}`);
  return actual.sort().join() === expected.sort().join();
};
