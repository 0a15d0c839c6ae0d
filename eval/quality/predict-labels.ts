// Turns labels and engine output into the same flat record, so the runner compares like with like.
import { scoreTranscript, type QualityResult } from '../../src/engine/quality/index.js';
import { FLAG_NAMES, type EvalLabels, type EvalTranscript, type FlagName } from './load-eval-set.js';

// Scores are 0-100; the labels are two-level, so the engine's score is read as "high" from here up.
export const HIGH_FROM = 60;

export const CRITERIA = ['road', 'resolution', 'apology', 'empathy', 'listening', ...FLAG_NAMES] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Prediction = Record<Criterion, string>;

export type Scored = { result: QualityResult | null; got: Prediction; error?: string };

export function expectedOf(l: EvalLabels): Prediction {
  const flags = Object.fromEntries(FLAG_NAMES.map((f) => [f, String(l.flags[f])])) as Record<
    FlagName,
    string
  >;
  return {
    road: String(l.road),
    resolution: l.resolution,
    apology: l.apology,
    empathy: l.empathy,
    listening: l.listening,
    ...flags,
  };
}

const level = (score: number | undefined) =>
  typeof score !== 'number' || Number.isNaN(score) ? 'missing' : score >= HIGH_FROM ? 'high' : 'low';

// An engine that throws is counted wrong on every criterion rather than stopping the report.
export function predict(transcript: EvalTranscript): Scored {
  try {
    const out = scoreTranscript(transcript);
    const flags = Object.fromEntries(
      FLAG_NAMES.map((f) => [f, String(out.flags?.[f] ?? 'missing')]),
    ) as Record<FlagName, string>;
    return {
      result: out,
      got: {
        road: String(out.road),
        resolution: String(out.resolution),
        apology: String(out.apology),
        empathy: level(out.scores?.empathy),
        listening: level(out.scores?.listening),
        ...flags,
      },
    };
  } catch (err) {
    const got = Object.fromEntries(CRITERIA.map((k) => [k, 'error'])) as Prediction;
    return { result: null, got, error: err instanceof Error ? err.message : String(err) };
  }
}
