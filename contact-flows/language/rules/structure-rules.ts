import { actionTypeSpec, KNOWN_ACTION_TYPES } from '#flows/language/action-types.ts';
import type { FlowAction } from '#flows/language/flow.schema.ts';
import type { FlowProblem, FlowRule } from './types.ts';

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

export const MAX_ACTIONS = 250;

/** Every action an action's transitions lead to. */
export const transitionTargets = (action: FlowAction): string[] =>
  [
    action.Transitions.NextAction,
    ...(action.Transitions.Errors ?? []).map((e) => e.NextAction),
    ...(action.Transitions.Conditions ?? []).map((c) => c.NextAction),
  ].filter((target): target is string => target !== undefined && target !== '');

const actionCount: FlowRule = (flow) =>
  flow.Actions.length > MAX_ACTIONS
    ? [
        {
          rule: 'action-count',
          message: `${flow.Actions.length} actions; Connect accepts ${MAX_ACTIONS}`,
        },
      ]
    : [];

/** Identifiers unique and well-formed; action types known. */
const identifiers: FlowRule = (flow) => {
  const problems: FlowProblem[] = [];
  const seen = new Set<string>();
  for (const { Identifier: id, Type } of flow.Actions) {
    if (seen.has(id))
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
    seen.add(id);
    if (!KNOWN_ACTION_TYPES.has(Type))
      problems.push({ action: id, rule: 'action-type', message: `Unknown action type ${Type}` });
  }
  return problems;
};

/** Every transition leads to an action, and every action that does not end the flow has one. */
const transitions: FlowRule = (flow) => {
  const ids = new Set(flow.Actions.map((action) => action.Identifier));
  const problems: FlowProblem[] = [];
  if (!ids.has(flow.StartAction))
    problems.push({ rule: 'dangling', message: `StartAction ${flow.StartAction} does not exist` });
  for (const action of flow.Actions) {
    const targets = transitionTargets(action);
    for (const target of targets) {
      if (!ids.has(target))
        problems.push({
          action: action.Identifier,
          rule: 'dangling',
          message: `Transition to missing action ${target}`,
        });
    }
    if (targets.length === 0 && !actionTypeSpec(action.Type)?.ends) {
      problems.push({
        action: action.Identifier,
        rule: 'dead-end',
        message: `${action.Type} has no transition and does not end the flow`,
      });
    }
  }
  return problems;
};

const reachability: FlowRule = (flow) => {
  const byId = new Map(flow.Actions.map((action) => [action.Identifier, action]));
  const reachable = new Set<string>();
  const pending = [flow.StartAction];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const action = byId.get(id);
    if (!action || reachable.has(id)) continue;
    reachable.add(id);
    pending.push(...transitionTargets(action));
  }
  return [...byId.keys()]
    .filter((id) => !reachable.has(id))
    .map((id) => ({ action: id, rule: 'unreachable', message: 'No transition leads here' }));
};

/** The rules of a flow's shape: size, identifiers, transitions and reachability. */
export const STRUCTURE_RULES: readonly FlowRule[] = [
  actionCount,
  identifiers,
  transitions,
  reachability,
];
