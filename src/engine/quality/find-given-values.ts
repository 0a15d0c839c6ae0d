import type { Slot } from './lexicons/identifier-phrases.js';
import {
  ADDRESS_STATEMENT,
  CARD_DIGITS,
  DATE_OF_BIRTH,
  EMAIL_VALUE,
  LONG_NUMBER,
  NAME_STATEMENT,
  NOT_A_NAME,
  NUMBER_CONTEXT,
  SHORT_CODE,
  SIGN_OFF_NAME,
  STREET_ADDRESS,
  UK_POSTCODE,
  ZIP_VALUE,
} from './lexicons/identifier-values.js';

export type GivenValues = {
  slots: Set<Slot>;
  // A number or code nobody labelled: it answers whatever was just asked.
  bareValue: boolean;
};

const CODE_SCAN = new RegExp(SHORT_CODE.source, 'gi');
const PHONE_SHAPE = /^(?:\+|0)\d{9,}$/;
const DIGIT = /\d/;

const classifyNumber = (text: string, index: number, digits: string): Slot | undefined => {
  const before = text.slice(Math.max(0, index - 40), index);
  for (const [slot, context] of NUMBER_CONTEXT) if (context.test(before)) return slot;
  if (PHONE_SHAPE.test(digits)) return 'phone';
  return undefined;
};

const scanNumbers = (text: string, found: GivenValues): void => {
  for (const regex of [LONG_NUMBER, CODE_SCAN]) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      const digits = match[0].replace(/[^\d+]/g, '');
      if (digits.replace('+', '').length < 3) continue;
      const slot = classifyNumber(text, match.index, digits);
      if (slot) found.slots.add(slot);
      else found.bareValue = true;
    }
  }
};

// Identifiers a turn actually states. Customer turns may give anything; staff turns only reveal
// what the company already holds ("I can see order 5521"), which counts as known all the same, so
// for them only the record's identifiers are looked for (see findRecordValues).
export const findGivenValues = (text: string): GivenValues => {
  // Tested once for both readings: most turns hold no digit.
  const digits = DIGIT.test(text);
  const found = readRecordValues(text, digits);
  if (digits) {
    if (DATE_OF_BIRTH.test(text)) found.slots.add('dateOfBirth');
    if (UK_POSTCODE.test(text) || ZIP_VALUE.test(text)) found.slots.add('postcode');
    if (STREET_ADDRESS.test(text)) found.slots.add('address');
  }
  if (ADDRESS_STATEMENT.test(text)) found.slots.add('address');
  // A sign-off name stands on a line of its own, so text without a line break has none.
  const name = NAME_STATEMENT.exec(text) ?? (text.includes('\n') ? SIGN_OFF_NAME.exec(text) : null);
  if (name && !NOT_A_NAME.has(name[1] ?? '')) found.slots.add('name');
  return found;
};

// The identifiers tied to the customer's records: an email address, card digits, and numbers with
// what their context says they are (an account, an order, a phone).
export const findRecordValues = (text: string): GivenValues => readRecordValues(text, DIGIT.test(text));

const readRecordValues = (text: string, digits: boolean): GivenValues => {
  const found: GivenValues = { slots: new Set(), bareValue: false };
  if ((text.includes('@') || text.includes(' dot ')) && EMAIL_VALUE.test(text)) found.slots.add('email');
  if (digits) {
    if (CARD_DIGITS.test(text)) found.slots.add('card');
    scanNumbers(text, found);
  }
  return found;
};
