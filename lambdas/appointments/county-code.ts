import { requireDigits } from './caller-input.ts';

/**
 * A county code as keyed (the number in the Constitution's First Schedule: "47", "047" or
 * "1") in its two-digit keypad form.
 */
export const requireCountyCode = (value: string): string =>
  requireDigits(value, { min: 1, max: 3, field: 'countyCode' }).padStart(3, '0').slice(-2);
