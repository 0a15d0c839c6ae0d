import { randomInt } from 'node:crypto';

/*
 * A promise's reference, read aloud on a call, typed from an email or keyed in on a phone.
 *
 * Letters: 31 symbols, the digits and capitals without 0, O, 1, I and L, so no character can be
 * mistaken for another that is also in use (a reader who sees "0" or "O" knows it is a typo).
 * Six random symbols carry the value (31^6, close to 900 million per workspace) and a seventh is
 * the check: values v0..v6 with weights 1..7 must sum to 0 modulo 31. Because 31 is prime and the
 * weights are distinct and non-zero modulo 31:
 *   - a single substitution changes the sum by w·(v' − v), a product of two non-zero residues,
 *     never 0 mod 31;
 *   - swapping two different neighbours changes it by (w_i − w_{i+1})·(v_{i+1} − v_i) = v_i − v_{i+1},
 *     never 0 mod 31;
 * so every single substitution and every adjacent transposition is caught (reference.test.ts
 * checks both properties over generated references).
 *
 * Digits, for a phone keypad: the six value symbols as one base-31 number, nine digits with
 * leading zeros, followed by two check digits chosen so the whole eleven-digit number is 1 modulo
 * 97 (the scheme of ISO 7064 MOD 97-10). 97 is prime and larger than any digit difference, and 10
 * is invertible modulo 97, so a single wrong digit (a change of d·10^k) and a swap of two
 * different neighbours (a change of 9·(a − b)·10^k) both leave a remainder other than 1.
 *
 * Shown as "ABC-DEFG"; accepted in any case, with or without spaces, dashes or dots.
 */
export const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const base = alphabet.length; // 31, prime
const valueLength = 6;
export const referenceLength = valueLength + 1;
export const digitsLength = 11;
// The inverse of the check position's weight (7) modulo 31: 7 · 9 = 63 = 2 · 31 + 1.
const inverseOfLastWeight = 9;

const mod = (n: number, m: number) => ((n % m) + m) % m;

/** The check symbol's value for six value symbols. */
export function checkValue(values: readonly number[]): number {
  const sum = values.reduce((acc, v, i) => acc + (i + 1) * v, 0);
  return mod(-sum * inverseOfLastWeight, base);
}

/** A reference (canonical: seven symbols, no separator) from six symbol values. */
export function referenceFrom(values: readonly number[]): string {
  if (values.length !== valueLength || values.some((v) => !Number.isInteger(v) || v < 0 || v >= base)) {
    throw new Error(`A reference is made of ${valueLength} values from 0 to ${base - 1}`);
  }
  return [...values, checkValue(values)].map((v) => alphabet[v]).join('');
}

export function newReference(): string {
  return referenceFrom(Array.from({ length: valueLength }, () => randomInt(base)));
}

/** Whether seven canonical symbols carry a correct check symbol. */
export function isValidReference(reference: string): boolean {
  if (reference.length !== referenceLength) return false;
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const v = alphabet.indexOf(reference[i]!);
    if (v < 0) return false;
    sum += (i + 1) * v;
  }
  return sum % base === 0;
}

/** "ABCDEFG" → "ABC-DEFG". */
export const displayReference = (reference: string) => `${reference.slice(0, 3)}-${reference.slice(3)}`;

/** The keypad form of a canonical reference: eleven digits. */
export function referenceDigits(reference: string): string {
  let n = 0;
  for (const symbol of reference.slice(0, valueLength)) n = n * base + alphabet.indexOf(symbol);
  const body = String(n).padStart(digitsLength - 2, '0');
  // (n·100 + check) ≡ 1 (mod 97); n·100 < 10^11 stays exact in a double.
  const check = 98 - ((n * 100) % 97);
  return body + String(check).padStart(2, '0');
}

function fromDigits(digits: string): string | null {
  // 10^11 < 2^53, so Number is exact here.
  if (Number(digits) % 97 !== 1) return null;
  let n = Number(digits.slice(0, digitsLength - 2));
  if (n >= base ** valueLength) return null;
  const values: number[] = [];
  for (let i = 0; i < valueLength; i++) {
    values.unshift(n % base);
    n = Math.floor(n / base);
  }
  return referenceFrom(values);
}

/**
 * The canonical reference a person typed, in either form, or null when it is not one: wrong
 * length, a symbol outside the alphabet or a check that does not hold.
 */
export function parseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_.·/]+/g, '');
  if (compact.length === digitsLength && /^\d+$/.test(compact)) return fromDigits(compact);
  return isValidReference(compact) ? compact : null;
}
