import { InvalidInputError } from '#shared/errors.ts';
import { isValidReference } from '#shared/reference.ts';
import type { Speech } from '#shared/speech/render.ts';

export type DigitsProblem = 'EMPTY' | 'NOT_DIGITS' | 'WRONG_LENGTH';

/** Why keyed digits are not `min`..`max` digits, or undefined when they are. */
export const digitsProblem = (
  value: string,
  min: number,
  max: number,
): DigitsProblem | undefined => {
  if (value.length === 0) return 'EMPTY';
  if (/\D/.test(value)) return 'NOT_DIGITS';
  return value.length < min || value.length > max ? 'WRONG_LENGTH' : undefined;
};

/**
 * Checks keyed digits and throws INVALID_INPUT with an enumerated `reason` (and `field` when
 * an operation takes several keyed values), before any lookup.
 */
export const requireDigits = (
  value: string,
  { min, max, field, speech }: { min: number; max: number; field: string; speech?: Speech },
): string => {
  const reason = digitsProblem(value, min, max);
  if (reason)
    throw new InvalidInputError(`${field}: ${reason}`, { details: { reason, field }, speech });
  return value;
};

export const BOOKING_REFERENCE_LENGTH = 8;
const invalidReference: Speech = { prompt: 'appointments.invalid_reference' };

/**
 * A booking reference as keyed: 8 digits whose check digit matches, so a mistyped digit or
 * two swapped digits are caught here, before any lookup.
 */
export const requireReference = (value: string): string => {
  requireDigits(value, {
    min: BOOKING_REFERENCE_LENGTH,
    max: BOOKING_REFERENCE_LENGTH,
    field: 'reference',
    speech: invalidReference,
  });
  if (!isValidReference(value))
    throw new InvalidInputError('reference: CHECK_DIGIT', {
      details: { reason: 'CHECK_DIGIT', field: 'reference' },
      speech: invalidReference,
    });
  return value;
};
