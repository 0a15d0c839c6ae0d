import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { AppError } from '../../platform/errors.js';
import { normalizeIdentity } from '../customers/index.js';

/** A line's number in E.164, or a problem naming the field. */
export function lineNumber(raw: string): string {
  const n = normalizeIdentity('phone', raw);
  if ('error' in n)
    throw new AppError('VALIDATION_FAILED', { invalidParams: [{ name: 'number', reason: n.error }] });
  return n.value;
}

/** The country a caller's national number is read in: the line's own. */
export const lineCountry = (number: string): CountryCode | undefined =>
  parsePhoneNumberFromString(number)?.country;

/** A caller's number in E.164 ("020 7946 0958" on a UK line, "0044 20…"), or null when it is none. */
export function callerNumber(raw: string, lineNumberE164: string): string | null {
  const n = normalizeIdentity('phone', raw, lineCountry(lineNumberE164));
  return 'error' in n ? null : n.value;
}
