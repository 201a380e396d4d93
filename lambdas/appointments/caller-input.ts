import { InvalidInputError } from '#shared/errors.ts';
import { requireDigits } from '#shared/keyed-input.ts';
import { isValidReference } from '#shared/reference.ts';
import type { Speech } from '#shared/speech/render.ts';

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
