import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { IdentityType } from './schema.js';

export type NormalizedIdentity = { type: IdentityType; value: string; displayValue: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The stored value is the unique key, so two spellings of one identity must normalise alike:
// "Ann@Example.com" and "ann@example.com", "+44 20 7946 0958" and "020 7946 0958" in the UK.
export function normalizeIdentity(
  type: IdentityType,
  raw: string,
  defaultCountry?: CountryCode,
): NormalizedIdentity | { error: string } {
  const trimmed = raw.trim();
  switch (type) {
    case 'email': {
      const value = trimmed.toLowerCase();
      return EMAIL.test(value)
        ? { type, value, displayValue: trimmed }
        : { error: 'is not an email address' };
    }
    case 'phone': {
      const phone = parsePhoneNumberFromString(trimmed, defaultCountry);
      if (!phone || !phone.isPossible()) {
        return { error: 'is not a phone number (use international format, e.g. +44 20 7946 0958)' };
      }
      return { type, value: phone.number, displayValue: phone.formatInternational() };
    }
    case 'account': {
      const value = trimmed.replace(/[\s-]+/g, '').toLowerCase();
      return value ? { type, value, displayValue: trimmed } : { error: 'is empty' };
    }
    case 'social': {
      const value = trimmed.replace(/^@/, '').toLowerCase();
      return value ? { type, value, displayValue: trimmed } : { error: 'is empty' };
    }
    // Another system's id, kept exactly: it was signed as it is, and its case may matter there.
    case 'external':
      return trimmed ? { type, value: trimmed, displayValue: trimmed } : { error: 'is empty' };
  }
}

// A bare lookup value ("?identity=...") may be any type; these are the keys it could match.
export function candidateKeys(raw: string, defaultCountry?: CountryCode): string[] {
  const keys = new Set<string>();
  for (const type of ['email', 'phone', 'account', 'social'] as const) {
    const n = normalizeIdentity(type, raw, defaultCountry);
    if ('value' in n) keys.add(n.value);
  }
  return [...keys];
}
