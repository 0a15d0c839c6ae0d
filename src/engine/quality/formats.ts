// The engine's light entry: the transcript format, the rubric and the result types. It loads no
// language model, so the server can validate transcripts and settings at start-up and load the
// scoring half (index.ts) on first use.
export { transcriptSchema, type Transcript, type Turn, type TranscriptEvent } from './transcript-schema.js';
export { defaultRubric, resolveRubric, type Rubric, type ScoreName } from './rubric.js';
export type {
  QualityResult,
  Road,
  Resolution,
  ApologyVerdict,
  Evidence,
  Flags,
  RepeatAsk,
} from './quality-result.js';
