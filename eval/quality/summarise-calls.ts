// Figures only real calls can give: how the engine's verdict lines up with what the two people on
// the call said about it afterwards, and how much the ASR text moves the verdict.
import { spearman } from '../sentiment/pearson.js';

export type RatedCall = {
  callerRating: number | null;
  agentRating: number | null;
  overall: number;
  road: number;
};

// Calls both sides rated 10 are good service by the only judges who were there; Road 4 on one of
// them is the engine calling good service "go away".
export const topRatedOnRoad4 = (calls: readonly RatedCall[]): { n: number; road4: number } => {
  const top = calls.filter((c) => c.callerRating === 10 && c.agentRating === 10);
  return { n: top.length, road4: top.filter((c) => c.road === 4).length };
};

// NaN when fewer than two calls are rated or every rating is the same (see spearman).
export const overallVsCallerRating = (calls: readonly RatedCall[]): { n: number; rho: number } => {
  const rated = calls.filter((c) => c.callerRating !== null);
  return {
    n: rated.length,
    rho: spearman(
      rated.map((c) => c.overall),
      rated.map((c) => c.callerRating!),
    ),
  };
};

export type PairedScore = {
  human: { overall: number; road: number };
  asr: { overall: number; road: number };
};

export const asrGap = (pairs: readonly PairedScore[]) => {
  const n = pairs.length;
  let absolute = 0;
  let signed = 0;
  let sameRoad = 0;
  for (const { human, asr } of pairs) {
    absolute += Math.abs(asr.overall - human.overall);
    signed += asr.overall - human.overall;
    if (asr.road === human.road) sameRoad += 1;
  }
  return {
    n,
    meanAbsoluteOverall: n === 0 ? Number.NaN : absolute / n,
    meanSignedOverall: n === 0 ? Number.NaN : signed / n,
    sameRoad,
  };
};
