import {
  ACTION_TYPES,
  type ActionType,
  type ActionTypeSpec,
  actionTypeSpec,
} from '../action-types.ts';
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
  if (spec?.moduleOnly && !options.module)
    problem('flow-type', `${action.Type} is only allowed in flow modules`);
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
