import { InvalidInputError } from './errors.ts';
import type { Speech } from './speech/render.ts';

/** Why keyed digits are not what was asked for: `EMPTY`, `NOT_DIGITS` or `WRONG_LENGTH`. */
export const digitsProblem = (value: string): 'EMPTY' | 'NOT_DIGITS' | 'WRONG_LENGTH' =>
  value.length === 0 ? 'EMPTY' : /\D/.test(value) ? 'NOT_DIGITS' : 'WRONG_LENGTH';

/**
 * The INVALID_INPUT a flow branches on when keyed digits have the wrong shape: `field` names
 * the parameter, `reason` says what is wrong, and the speech says what was expected.
 */
export const invalidDigits = (
  field: string,
  value: string,
  speech?: Speech,
  reason: string = digitsProblem(value),
): InvalidInputError =>
  new InvalidInputError(`${field} is not valid (${reason})`, {
    details: { field, reason },
    ...(speech && { speech }),
  });

/**
 * Checks keyed digits are `min`..`max` digits and throws INVALID_INPUT (its `field` and
 * enumerated `reason`) when not, before any lookup.
 */
export const requireDigits = (
  value: string,
  { min, max, field, speech }: { min: number; max: number; field: string; speech?: Speech },
): string => {
  if (/^\d+$/.test(value) && value.length >= min && value.length <= max) return value;
  throw invalidDigits(field, value, speech);
};
