import { invalidDigits } from '#shared/keyed-input.ts';
import { isValidReference } from '#shared/reference.ts';
import type { DialogueInput, DigitsRule } from './types.ts';

/** Why keyed digits break their rule (`EMPTY`, `NOT_DIGITS`, `WRONG_LENGTH`, `CHECK_DIGIT`), if they do. */
export const digitsRuleProblem = (rule: DigitsRule, value: string): string | undefined => {
  if (value.length === 0) return 'EMPTY';
  if (/\D/.test(value)) return 'NOT_DIGITS';
  if (value.length < rule.minLength || value.length > rule.maxLength) return 'WRONG_LENGTH';
  if (rule.checkDigit === 'verhoeff' && !isValidReference(value)) return 'CHECK_DIGIT';
  return undefined;
};

/**
 * Throws the INVALID_INPUT a channel handles by saying the input's `invalid` prompt and asking
 * again, when the digits break the input's rule. Shape only: nothing is looked up, so the
 * answer never tells whether a record exists.
 */
export const assertKeyed = (input: DialogueInput, value: string): void => {
  const problem = digitsRuleProblem(input.digits, value);
  if (problem) throw invalidDigits(input.name, value, { prompt: input.invalid.prompt }, problem);
};
