import { jest } from '@jest/globals';
import { toE164 } from '#shared/phone.ts';
import { checkDigit, isValidReference, newReference } from '#shared/reference.ts';

describe('references with a check digit', () => {
  it('computes the published Verhoeff check digit', () => {
    expect(checkDigit('236')).toBe('3');
    expect(isValidReference('2363')).toBe(true);
  });

  it('catches every single-digit error and adjacent swap of a new reference', () => {
    const reference = newReference('booking');
    expect(reference).toMatch(/^3\d{7}$/);
    expect(isValidReference(reference)).toBe(true);
    for (let i = 0; i < reference.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = reference.slice(0, i) + d + reference.slice(i + 1);
        if (typo !== reference) expect(isValidReference(typo)).toBe(false);
      }
      if (i < reference.length - 1 && reference[i] !== reference[i + 1]) {
        const swapped =
          reference.slice(0, i) + reference[i + 1] + reference[i] + reference.slice(i + 2);
        expect(isValidReference(swapped)).toBe(false);
      }
    }
  });

  it('draws its digits from the cryptographic generator, never Math.random', () => {
    const mathRandom = jest.spyOn(Math, 'random');
    const references = Array.from({ length: 200 }, () => newReference('complaint'));
    expect(mathRandom).not.toHaveBeenCalled();
    mathRandom.mockRestore();
    expect(new Set(references.join(''))).toEqual(new Set('0123456789'));
    expect(new Set(references).size).toBeGreaterThan(190);
  });

  it('builds a reference from the digits it is given', () => {
    expect(newReference('serviceRequest', () => 4)).toBe(`8444444${checkDigit('8444444')}`);
  });

  it('rejects references with letters or too few digits', () => {
    expect(isValidReference('12a4')).toBe(false);
    expect(isValidReference('5')).toBe(false);
  });
});

describe('calling numbers in E.164', () => {
  it.each([
    ['0712345678', '+254712345678'],
    ['+254712345678', '+254712345678'],
    ['254712345678', '+254712345678'],
    ['712 345 678', '+254712345678'],
    ['0110123456', '+254110123456'],
    ['+447700900123', '+447700900123'],
  ])('normalises %s to %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it.each([['anonymous'], ['1919'], [''], [null], ['0700']])('has no E.164 form for %s', (raw) => {
    expect(toE164(raw)).toBeUndefined();
  });
});
