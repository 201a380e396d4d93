import type { FlowAction } from '#flows/language/flow.schema.ts';
import { transitionTargets } from './structure-rules.ts';
import type { FlowProblem, FlowRule } from './types.ts';

const STORED_INPUT = '$.StoredCustomerInput';
const PROMPT_ID = /\$\{(?:en|sw):([^}]+)\}/;

/** The catalogue prompt an input action speaks, if it speaks one. */
const promptOf = (action: FlowAction): string | undefined =>
  PROMPT_ID.exec(JSON.stringify(action.Parameters))?.[1];

interface PathState {
  /** Flow logging as the contact reaches the action (a flow is entered with logging on). */
  readonly logging: boolean;
  /** `$.StoredCustomerInput` holds digits keyed at a proof prompt. */
  readonly proofStored: boolean;
}

/**
 * Flow logs never carry proof digits or ID numbers: on every path through the flow, a prompt
 * whose answer is a proof (`proofPrompts`) is reached with flow logging off, and no action
 * reads those digits (`$.StoredCustomerInput`) while logging is on. Logging may come back on
 * once the digits are used; a later input that stores digits replaces them.
 */
const proofInputsUnlogged: FlowRule = (flow, _, { proofPrompts }) => {
  if (!proofPrompts || proofPrompts.size === 0) return [];
  const actions = new Map(flow.Actions.map((action) => [action.Identifier, action]));
  const problems = new Map<string, FlowProblem>();
  const seen = new Set<string>();
  const queue: [string, PathState][] = [[flow.StartAction, { logging: true, proofStored: false }]];
  while (queue.length > 0) {
    const [id, state] = queue.pop()!;
    const key = `${id}|${state.logging}|${state.proofStored}`;
    const action = actions.get(id);
    if (!action || seen.has(key)) continue;
    seen.add(key);

    let { logging, proofStored } = state;
    const storesInput =
      action.Type === 'GetParticipantInput' && action.Parameters.StoreInput === 'True';
    if (action.Type === 'UpdateFlowLoggingBehavior')
      logging = action.Parameters.FlowLoggingBehavior === 'Enabled';
    else if (storesInput) {
      const prompt = promptOf(action);
      proofStored = prompt !== undefined && proofPrompts.has(prompt);
      if (proofStored && logging)
        problems.set(id, {
          action: id,
          rule: 'proof-logged',
          message: `Proof prompt ${prompt} is reached with flow logging on`,
        });
    } else if (proofStored && logging && JSON.stringify(action.Parameters).includes(STORED_INPUT))
      problems.set(id, {
        action: id,
        rule: 'proof-logged',
        message: 'Reads proof digits ($.StoredCustomerInput) with flow logging on',
      });
    for (const next of transitionTargets(action)) queue.push([next, { logging, proofStored }]);
  }
  return [...problems.values()];
};

export const PRIVACY_RULES: readonly FlowRule[] = [proofInputsUnlogged];
