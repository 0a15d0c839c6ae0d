import type { Slot } from './identifier-phrases.js';

// Values as people type them, matched on the raw text (case kept for names). These are patterns
// for data, not for phrasing, so they do not go through the tokeniser.
export const EMAIL_VALUE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\w+ at \w+ dot (?:com|co|net|org|uk|io)\b/i;
export const LONG_NUMBER = /\+?\d[\d ().-]{5,}\d/g;
export const SHORT_CODE = /(?:#\s?\d{3,}|\b[a-z]{1,4}[-_]?\d{3,}[a-z0-9-]*\b|\b\d{4,}(?:-\d+)*\b)/i;
export const UK_POSTCODE = /\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b/i;
export const ZIP_VALUE = /\b(?:zip|zip code|postcode|post code)\b[^.?!\d]{0,12}\d{5}(?:-\d{4})?\b/i;
export const STREET_ADDRESS =
  /\b\d{1,5}[a-z]?,? (?:[a-z]+ ){1,4}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|court|ct|crescent|cres|place|pl|boulevard|blvd|terrace|gardens|grove|hill|park|square|sq|row|mews|walk|parade|highway|hwy)\b/i;
export const ADDRESS_STATEMENT =
  /\b(?:my (?:new )?address is|i live at|we live at|i(?:'ve| have) moved to|address is)\s+\S/i;
export const NAME_STATEMENT =
  /\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame is|[Tt]his is|[Ii] am|I'm|[Ii]t's|[Ii]ts)\s+([A-Z][a-z'-]+)/;
export const SIGN_OFF_NAME =
  /(?:^|\n)\s*(?:[Tt]hanks|[Tt]hank you|[Rr]egards|[Bb]est|[Cc]heers|[Kk]ind regards|[Mm]any thanks|[Bb]est wishes|[Ss]incerely)[,!.]?\s*\n\s*([A-Z][a-z'-]+)\s*$/;
export const DATE_OF_BIRTH =
  /\b(?:born (?:on|in)|date of birth|dob|d\.o\.b\.?|birthday)\b[^.?!]{0,30}\d|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:19|20)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b/i;
export const CARD_DIGITS =
  /\b(?:last (?:four|4)(?: digits)?(?: (?:are|is))?|ending (?:in|with))\s*:?\s*\d{3,4}\b/i;

// Capitalised words that follow "I am"/"this is" but are not names.
export const NOT_A_NAME = new Set([
  'Not',
  'Very',
  'Really',
  'So',
  'Just',
  'Still',
  'Sorry',
  'Trying',
  'Calling',
  'Having',
  'Looking',
  'Here',
  'Back',
  'Done',
  'Fine',
  'Good',
  'Happy',
  'The',
  'A',
  'An',
  'Your',
  'In',
  'On',
  'At',
  'Getting',
  'Going',
  'Also',
  'Afraid',
  'Ridiculous',
  'Unacceptable',
  'Frustrated',
  'Angry',
  'Annoyed',
  'Writing',
  'Contacting',
  'Ok',
  'Okay',
  'It',
  'That',
  'This',
  'What',
  'About',
  'Now',
  'Absolutely',
  'Totally',
  'Sure',
  'Confused',
  'Worried',
  'Upset',
  'Disappointed',
  'Moving',
  'Leaving',
  'Cancelling',
  'Canceling',
  'Fed',
  'Tired',
  'Sick',
  'Pretty',
  'Quite',
  'Ready',
  'Interested',
]);

// The keyword closest before a bare number decides what kind of number it is.
export const NUMBER_CONTEXT: ReadonlyArray<readonly [Slot, RegExp]> = [
  [
    'orderId',
    /\b(?:order|booking|tracking|reference|ref|ticket|case|invoice|confirmation|reservation|claim|return|rma|parcel|consignment)\b[^\d]{0,20}$/i,
  ],
  [
    'account',
    /\b(?:account|acct|a\/c|customer (?:number|no|id)|membership|member|policy|contract|meter)\b[^\d]{0,20}$/i,
  ],
  ['card', /\b(?:card|last (?:four|4)|ending in)\b[^\d]{0,20}$/i],
  [
    'phone',
    /\b(?:phone|mobile|cell|tel|telephone|landline|number is|call me (?:on|at)|reach me (?:on|at)|ring me (?:on|at)|text me (?:on|at)|whatsapp)\b[^\d]{0,20}$/i,
  ],
  ['dateOfBirth', /\b(?:born|birth|dob|birthday)\b[^\d]{0,20}$/i],
];
