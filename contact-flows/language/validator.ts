import { FlowSchema } from './flow.schema.ts';
import { ACTION_TYPE_RULES } from './rules/action-type-rules.ts';
import { CATALOGUE_RULES } from './rules/catalogue-rules.ts';
import { CONTENT_RULES, PLACEHOLDER_RULES } from './rules/placeholder-rules.ts';
import { PRIVACY_RULES } from './rules/privacy-rules.ts';
import { STRUCTURE_RULES } from './rules/structure-rules.ts';
import type { ActionRule, FlowProblem, FlowRule, ValidationOptions } from './rules/types.ts';

export { KNOWN_ACTION_TYPES } from './action-types.ts';
export { MAX_CONTENT_CHARACTERS } from './rules/placeholder-rules.ts';
export { MAX_ACTIONS } from './rules/structure-rules.ts';
export type { FlowProblem, ValidationOptions } from './rules/types.ts';

/** Each action through the rules its type's spec implies, then its type's own rules. */
const actionRules: FlowRule = (flow, _, options) => {
  const problems: FlowProblem[] = [];
  for (const action of flow.Actions) {
    const rules: ActionRule[] = [...CATALOGUE_RULES];
    const own = ACTION_TYPE_RULES[action.Type as keyof typeof ACTION_TYPE_RULES];
    if (own) rules.push(own);
    const { Conditions = [], Errors = [] } = action.Transitions;
    const context = {
      action,
      parameters: action.Parameters as Record<string, unknown>,
      conditions: Conditions,
      errorTypes: new Set(Errors.map((error) => error.ErrorType)),
      options,
      problem: (rule: string, message: string) =>
        problems.push({ action: action.Identifier, rule, message }),
      warn: (rule: string, message: string) =>
        problems.push({ action: action.Identifier, rule, message, warning: true }),
    };
    for (const rule of rules) rule(context);
  }
  return problems;
};

/** Every rule a flow is checked against, in the order its problems are reported. */
const FLOW_RULES: readonly FlowRule[] = [
  ...CONTENT_RULES,
  ...STRUCTURE_RULES,
  actionRules,
  ...PLACEHOLDER_RULES,
  ...PRIVACY_RULES,
];

/**
 * Checks a flow against the rules Connect enforces when it publishes a flow, and ours:
 * action types, identifiers, transitions (dangling and unreachable), required error branches
 * and parameters, per-action rules, flow-type restrictions, placeholders, content size, and
 * no proof digits in flow logs.
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
  return FLOW_RULES.flatMap((rule) => rule(parsed.data, content, options));
};

/** The problems that stop a flow from publishing (not warnings). */
export const errorsOf = (problems: readonly FlowProblem[]): FlowProblem[] =>
  problems.filter((problem) => !problem.warning);

export const formatProblems = (flow: string, problems: readonly FlowProblem[]): string =>
  problems
    .map(
      (p) =>
        `${flow}${p.action ? `#${p.action}` : ''}: ${p.warning ? 'warning ' : ''}[${p.rule}] ${p.message}`,
    )
    .join('\n');
