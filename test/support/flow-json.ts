/**
 * Transitions of a flow action as Connect's flow language spells them, for tests that write
 * their own small flows: the blocks differ in their targets, not in how a branch is written.
 */

/** A condition that takes `to` when the block's value equals `operand` (a key, True, CHAT...). */
export const equals = (operand: string, to: string) => ({
  NextAction: to,
  Condition: { Operator: 'Equals', Operands: [operand] },
});

/**
 * Transitions to `next`, each error type to its action (in the order given: tests remove
 * branches by position) and, if any, one `Equals` condition per [operand, action].
 */
export const transitions = (
  next: string,
  errors: Record<string, string>,
  conditions: [operand: string, to: string][] = [],
) => ({
  NextAction: next,
  Errors: Object.entries(errors).map(([ErrorType, NextAction]) => ({ ErrorType, NextAction })),
  ...(conditions.length > 0 && {
    Conditions: conditions.map(([operand, to]) => equals(operand, to)),
  }),
});

/** Transitions to `next`, or to `error` when the block fails: most blocks' only branch. */
export const onError = (next: string, error = 'bye') =>
  transitions(next, { NoMatchingError: error });
