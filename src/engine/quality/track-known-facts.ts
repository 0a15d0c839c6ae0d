import type { Conversation } from './build-conversation.js';
import type { Ask } from './detect-asks.js';
import { findGivenValues, findRecordValues } from './find-given-values.js';
import type { Slot } from './lexicons/identifier-phrases.js';
import type { CustomerFacts } from './read-customer-turns.js';

export type KnownSource = 'said' | 'known' | 'verified';
export type Known = { turn: number; source: KnownSource };
export type KnownFacts = {
  // Earliest point at which each slot was known; turn -1 means before the conversation began.
  slots: Map<Slot, Known>;
  values: string[];
};

const IDENTITY_SLOTS: readonly Slot[] = [
  'account',
  'name',
  'dateOfBirth',
  'identity',
  'email',
  'phone',
  'address',
  'postcode',
];

const KNOWN_KEYS: ReadonlyArray<readonly [RegExp, Slot]> = [
  [/e-?mail/i, 'email'],
  [/phone|mobile|tel|cell/i, 'phone'],
  [/order|booking|tracking|reference|ticket|case|invoice/i, 'orderId'],
  [/post.?code|zip|postal/i, 'postcode'],
  [/address|street/i, 'address'],
  [/birth|dob/i, 'dateOfBirth'],
  [/card/i, 'card'],
  [/name/i, 'name'],
  [/account|customer.?(?:id|number|no)|member|policy|contract|acct/i, 'account'],
];

// How a reply must look to count as an answer to a request for each kind of slot.
const answers = (
  slot: Slot,
  text: string,
  words: number,
  given: ReturnType<typeof findGivenValues>,
): boolean => {
  if (given.slots.has(slot)) return true;
  switch (slot) {
    case 'email':
      return false;
    case 'name':
      return words > 0 && words <= 6;
    case 'address':
      return words >= 4;
    case 'identity':
    case 'problem':
      return words >= 2;
    default:
      return given.bareValue || /\d{3,}/.test(text);
  }
};

// Staff turns also carry the company's own numbers and the agent's own name, so only identifiers
// tied to the customer's records are taken from them.
const STAFF_SLOTS: ReadonlySet<Slot> = new Set(['account', 'orderId', 'card']);
const YOUR_EMAIL = /\byour (?:e-?mail|email address)\b[^.?!]{0,30}@/i;
const staffRevealed = (text: string, slots: ReadonlySet<Slot>): Slot[] => {
  const revealed = [...slots].filter((slot) => STAFF_SLOTS.has(slot));
  if (slots.has('email') && YOUR_EMAIL.test(text)) revealed.push('email');
  return revealed;
};

const isDescription = (conversation: Conversation, customer: CustomerFacts, turn: number): boolean => {
  const fact = customer.byTurn.get(turn);
  if (!fact) return false;
  return Boolean(
    fact.problem ||
    fact.companyError ||
    fact.request ||
    (fact.question && fact.words >= 5) ||
    fact.words >= 8,
  );
};

// What was learnt first stands: a slot is known from the earliest turn that gave it.
const learnFirst = (slots: Map<Slot, Known>, slot: Slot, known: Known): void => {
  if (!slots.has(slot)) slots.set(slot, known);
};

export const trackKnownFacts = (
  conversation: Conversation,
  customer: CustomerFacts,
  asksByTurn: ReadonlyMap<number, readonly Ask[]>,
): KnownFacts => {
  const slots = new Map<Slot, Known>();
  const values: string[] = [];
  const { customer: profile } = conversation.transcript;
  for (const [key, value] of Object.entries(profile?.known ?? {})) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    values.push(value.trim().toLowerCase());
    const match = KNOWN_KEYS.find(([pattern]) => pattern.test(key));
    if (match) learnFirst(slots, match[1], { turn: -1, source: 'known' });
  }
  if (profile?.name) learnFirst(slots, 'name', { turn: -1, source: 'known' });
  if (profile?.verified)
    for (const slot of IDENTITY_SLOTS) learnFirst(slots, slot, { turn: -1, source: 'verified' });
  const verifiedAt = conversation.events.filter((e) => e.event.type === 'verified').map((e) => e.after);
  const firstVerified = verifiedAt.length > 0 ? Math.min(...verifiedAt) : undefined;

  let pending: readonly Ask[] = [];
  for (const turn of conversation.turns) {
    if (firstVerified !== undefined && turn.index > firstVerified) {
      for (const slot of IDENTITY_SLOTS) learnFirst(slots, slot, { turn: firstVerified, source: 'verified' });
    }
    if (turn.role !== 'customer') {
      const given = findRecordValues(turn.text);
      for (const slot of staffRevealed(turn.text, given.slots))
        learnFirst(slots, slot, { turn: turn.index, source: 'said' });
      const asks = asksByTurn.get(turn.index);
      if (asks && asks.length > 0) pending = asks;
      continue;
    }
    const given = findGivenValues(turn.text);
    for (const slot of given.slots) learnFirst(slots, slot, { turn: turn.index, source: 'said' });
    if (isDescription(conversation, customer, turn.index))
      learnFirst(slots, 'problem', { turn: turn.index, source: 'said' });
    for (const ask of pending) {
      if (answers(ask.slot, turn.text, turn.analysis.wordCount, given))
        learnFirst(slots, ask.slot, { turn: turn.index, source: 'said' });
    }
    pending = [];
  }
  if (firstVerified !== undefined && firstVerified >= conversation.turns.length - 1) {
    for (const slot of IDENTITY_SLOTS) learnFirst(slots, slot, { turn: firstVerified, source: 'verified' });
  }
  return { slots, values };
};
