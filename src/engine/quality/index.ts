// The quality engine: pure functions from a transcript to a scored, road-classified result. No
// database, no HTTP. Importing this entry loads the lexicons and phrase lists; formats.ts does not.
// Code that runs per turn or per sentence makes no named function per call (`const add = () => …`
// inside a function): Earshot runs its TypeScript through tsx, whose transform keeps every named
// function's name by calling Object.defineProperty on it as it is made, about a microsecond each.
// Helpers live at module level and take what they need as arguments (hoisting the ten such
// closures cut the engine's instructions by 9%: bench/quality-instructions.ts).
export * from './formats.js';
export { scoreTranscript } from './score-transcript.js';
export { checkDraft, type DraftWarning, type DraftCheck } from './check-draft.js';
export { formatIssue, formatValidationError } from './format-validation-error.js';
export { scoreCustomerSentiment } from './score-customer-sentiment.js';
export { readTurns } from './read-turns.js';
// The engine's own reading of text (tokens, then feeling), for bench/compare-reader.ts and
// bench/compare-feeling.ts, which check it against wink-nlp on the text the engine reads.
export { tokenise } from './tokenise.js';
export { readFeeling, type Feeling } from './read-feeling.js';
export { prepareText, splitRawSentences } from './analyse-text.js';
export { splitAtContrast } from './weigh-contrast.js';
