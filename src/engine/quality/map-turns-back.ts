import type { QualityResult } from './quality-result.js';

// The engine scores merged turns; a reader compares the result with the transcript they sent, so
// every turn number in the result is put back to the first original turn of its merged turn. Reasons
// are sentences built by the criteria, so their "turn N" is rewritten in place.
const TURN_IN_TEXT = /\b(turns?) (\d+)\b/g;

export const mapTurnsBack = (result: QualityResult, origin: readonly number[]): QualityResult => {
  if (origin.every((o, i) => o === i)) return result;
  const back = (turn: number): number => (turn >= 0 ? (origin[turn] ?? turn) : turn);
  return {
    ...result,
    evidence: result.evidence.map((e) => ({ ...e, turn: back(e.turn) })),
    repeatAsks: result.repeatAsks.map((r) => ({ ...r, turn: back(r.turn), givenIn: back(r.givenIn) })),
    sentiment: {
      ...result.sentiment,
      turns: result.sentiment.turns.map((t) => ({ ...t, turn: back(t.turn) })),
    },
    reasons: result.reasons.map((r) =>
      r.replace(TURN_IN_TEXT, (_m, word: string, n: string) => `${word} ${back(Number(n))}`),
    ),
  };
};
