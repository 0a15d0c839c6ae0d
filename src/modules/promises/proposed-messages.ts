import { displayReference } from './reference.js';
import type { PromiseRow } from './schema.js';

// Drafts Earshot proposes to the team when a promise goes wrong (see proposeMessage in
// conversations): plain, short, naming the reference so the customer can quote it back. A member
// reads them before anything is sent, so they may say what only a person can decide ("today").

const what: Record<PromiseRow['type'], string> = {
  quote: 'the quote we promised you',
  coupon: 'the coupon we promised you',
  callback: 'the call back we promised you',
  follow_up: 'getting back to you as we promised',
};

/** To the customer whose promise was broken: an apology and a new commitment to fill in. */
export const apologyText = (row: PromiseRow) =>
  `We are sorry: we did not keep our promise about ${what[row.type]} ` +
  `(reference ${displayReference(row.reference)}: ${row.terms}). ` +
  'We are on it now and will get back to you today.';

/** To the customer who came back with an expired quote: a renewal rather than starting over. */
export const renewalText = (row: PromiseRow) =>
  `Thank you for coming back about your quote ${displayReference(row.reference)} (${row.terms}). ` +
  'It has expired, but we are glad to renew it for you: we will send you an updated quote shortly.';
