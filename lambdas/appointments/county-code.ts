import { requireDigits } from '#shared/keyed-input.ts';

/**
 * A county code as keyed (its number in the Constitution's First Schedule: "47", "047" or
 * "1") in the two-digit keypad form the catalogue uses. "147" stays "147", which no county has.
 */
export const requireCountyCode = (value: string): string =>
  String(Number(requireDigits(value, { min: 1, max: 3, field: 'countyCode' }))).padStart(2, '0');
