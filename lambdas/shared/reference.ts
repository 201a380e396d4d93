import { randomInt } from 'node:crypto';

/**
 * Digits-only references with a Verhoeff check digit: every single mistyped digit and every
 * swap of two adjacent digits is caught before any lookup, which suits references read back
 * and keyed on a phone.
 */
const MULTIPLY = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const PERMUTE = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

const checksum = (digits: string, offset: number): number =>
  [...digits]
    .reverse()
    .reduce((c, digit, i) => MULTIPLY[c]![PERMUTE[(i + offset) % 8]![Number(digit)]!]!, 0);

/** The Verhoeff check digit for a string of digits. */
export const checkDigit = (digits: string): string => String(INVERSE[checksum(digits, 1)]);

/** Whether a reference's last digit is the right check digit for the rest. */
export const isValidReference = (reference: string): boolean =>
  /^\d{2,}$/.test(reference) && checksum(reference, 0) === 0;

/** A digit 0-9 from the operating system's cryptographic generator: references cannot be predicted. */
const randomDigit = (): number => randomInt(10);

/**
 * A new reference: a one-digit kind prefix (so kinds never collide), random digits, and the
 * check digit. 8 digits in all by default: short enough to key, 10^6 values per kind.
 */
export const newReference = (
  kind: ReferenceKind,
  digit: () => number = randomDigit,
  length = 8,
): string => {
  const body = REFERENCE_PREFIX[kind] + Array.from({ length: length - 2 }, () => digit()).join('');
  return body + checkDigit(body);
};

/** First digit of each kind of reference. */
export const REFERENCE_PREFIX = { booking: '3', complaint: '7', serviceRequest: '8' } as const;
export type ReferenceKind = keyof typeof REFERENCE_PREFIX;
