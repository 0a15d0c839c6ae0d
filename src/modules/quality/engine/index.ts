export { scoreTranscript } from './score-transcript.js';
export { checkDraft, type DraftWarning, type DraftCheck } from './check-draft.js';
export { transcriptSchema, type Transcript, type Turn, type TranscriptEvent } from './transcript-schema.js';
export { defaultRubric, resolveRubric, type Rubric, type ScoreName } from './rubric.js';
export { formatIssue, formatValidationError } from './format-validation-error.js';
export { scoreCustomerSentiment } from './score-customer-sentiment.js';
export type {
  QualityResult,
  Road,
  Resolution,
  ApologyVerdict,
  Evidence,
  Flags,
  RepeatAsk,
} from './quality-result.js';
