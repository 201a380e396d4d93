import { randomInt } from 'node:crypto';

/**
 * Digits-only references with a Verhoeff check digit: every single mistyped digit and every
 * swap of two adjacent digits is caught before any lookup, which suits references read back
 * and keyed on a phone.
 */
const DIGITS = Array.from({ length: 10 }, (_, d) => d);
const isRotation = (d: number) => d < 5;

/**
 * Verhoeff's multiplication: the dihedral group D5, the symmetries of a pentagon (0-4 its
 * rotations, 5-9 its reflections).
 */
const MULTIPLY = DIGITS.map((j) =>
  DIGITS.map((k) => {
    const turned = isRotation(j) ? j + k : j - k + 5;
    return isRotation(j) === isRotation(k) ? turned % 5 : 5 + (turned % 5);
  }),
);

/** A digit's permutation at each position: Verhoeff's permutation applied `i` times (period 8). */
const STEP = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
const PERMUTE = Array.from({ length: 8 }, (_, i) =>
  DIGITS.map((d) => {
    let permuted = d;
    for (let n = 0; n < i; n++) permuted = STEP[permuted]!;
    return permuted;
  }),
);
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
