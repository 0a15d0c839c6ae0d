import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alphabet,
  digitsLength,
  displayReference,
  isValidReference,
  newReference,
  parseReference,
  referenceDigits,
  referenceFrom,
  referenceLength,
} from './reference.js';

const values = fc.array(fc.integer({ min: 0, max: alphabet.length - 1 }), { minLength: 6, maxLength: 6 });
const reference = values.map(referenceFrom);
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const swapAt = (s: string, i: number) => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);

describe('the reference alphabet', () => {
  it('has no look-alike characters and a prime size', () => {
    for (const c of '0O1IL') expect(alphabet).not.toContain(c);
    expect(new Set(alphabet).size).toBe(31);
    for (let d = 2; d * d <= alphabet.length; d++) expect(alphabet.length % d).not.toBe(0);
  });
});

describe('the check symbol', () => {
  it('holds for every reference made', () => {
    fc.assert(fc.property(reference, (ref) => ref.length === referenceLength && isValidReference(ref)));
    for (let i = 0; i < 200; i++) expect(isValidReference(newReference())).toBe(true);
  });

  it('catches every single substitution, the check symbol included', () => {
    fc.assert(
      fc.property(
        reference,
        fc.nat({ max: referenceLength - 1 }),
        fc.integer({ min: 1, max: alphabet.length - 1 }),
        (ref, at, shift) => {
          const replaced = alphabet[(alphabet.indexOf(ref[at]!) + shift) % alphabet.length]!;
          const wrong = replaceAt(ref, at, replaced);
          expect(wrong).not.toBe(ref);
          expect(isValidReference(wrong)).toBe(false);
          expect(parseReference(wrong)).toBeNull();
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('catches every transposition of two different neighbours', () => {
    fc.assert(
      fc.property(reference, fc.nat({ max: referenceLength - 2 }), (ref, at) => {
        fc.pre(ref[at] !== ref[at + 1]);
        expect(parseReference(swapAt(ref, at))).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it('catches them exhaustively for one reference, every position and symbol', () => {
    const ref = newReference();
    for (let at = 0; at < referenceLength; at++) {
      for (const c of alphabet)
        if (c !== ref[at]) expect(isValidReference(replaceAt(ref, at, c))).toBe(false);
      if (at < referenceLength - 1 && ref[at] !== ref[at + 1])
        expect(isValidReference(swapAt(ref, at))).toBe(false);
    }
  });
});

describe('reading a reference back', () => {
  it('accepts any case and separators', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        expect(parseReference(displayReference(ref).toLowerCase())).toBe(ref);
        expect(parseReference(` ${ref.slice(0, 2)} ${ref.slice(2, 5)}.${ref.slice(5)} `)).toBe(ref);
      }),
    );
  });

  it('reads the example the README and the API reference give', () => {
    expect(parseReference('K7M-Q4PD')).toBe('K7MQ4PD');
    expect(referenceDigits('K7MQ4PD')).toBe('49186967387');
    expect(parseReference('491 8696 7387')).toBe('K7MQ4PD');
  });

  it('refuses look-alikes, wrong lengths and empty input', () => {
    const ref = newReference();
    expect(parseReference(replaceAt(ref, 2, '0'))).toBeNull();
    expect(parseReference(replaceAt(ref, 2, 'O'))).toBeNull();
    expect(parseReference(ref.slice(1))).toBeNull();
    expect(parseReference(`${ref}2`)).toBeNull();
    expect(parseReference('')).toBeNull();
  });
});

describe('the keypad form', () => {
  const digits = reference.map(referenceDigits);

  it('is eleven digits and round-trips to the same reference', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        const keyed = referenceDigits(ref);
        expect(keyed).toMatch(new RegExp(`^\\d{${digitsLength}}$`));
        expect(parseReference(keyed)).toBe(ref);
        expect(parseReference(`${keyed.slice(0, 4)} ${keyed.slice(4, 8)}-${keyed.slice(8)}`)).toBe(ref);
      }),
    );
  });

  it('catches every single wrong digit', () => {
    fc.assert(
      fc.property(
        digits,
        fc.nat({ max: digitsLength - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (keyed, at, shift) => {
          const wrong = replaceAt(keyed, at, String((Number(keyed[at]) + shift) % 10));
          expect(parseReference(wrong)).toBeNull();
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('catches every transposition of two different neighbouring digits', () => {
    fc.assert(
      fc.property(digits, fc.nat({ max: digitsLength - 2 }), (keyed, at) => {
        fc.pre(keyed[at] !== keyed[at + 1]);
        expect(parseReference(swapAt(keyed, at))).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a number beyond the largest reference even with a correct check', () => {
    const n = 31 ** 6; // one past the largest six-symbol value
    const check = 98 - ((n * 100) % 97);
    expect(parseReference(String(n).padStart(9, '0') + String(check).padStart(2, '0'))).toBeNull();
  });
});
