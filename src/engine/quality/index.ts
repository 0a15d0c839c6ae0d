// The quality engine: pure functions from a transcript to a scored, road-classified result. No
// database, no HTTP. Importing this entry loads the language model; formats.ts does not.
export * from './formats.js';
export { scoreTranscript } from './score-transcript.js';
export { checkDraft, type DraftWarning, type DraftCheck } from './check-draft.js';
export { formatIssue, formatValidationError } from './format-validation-error.js';
export { scoreCustomerSentiment } from './score-customer-sentiment.js';
export { readTurns } from './read-turns.js';
// The engine's reading of text, for bench/compare-reader.ts, which checks it against wink-nlp's.
export { prepareText } from './analyse-text.js';
export { tokenise } from './tokenise.js';
