import type { ScoreName } from './rubric.js';
import type { Slot } from './lexicons/identifier-phrases.js';

export type Road = 1 | 2 | 3 | 4;
export type Resolution = 'confirmed' | 'claimed' | 'unresolved';
export type ApologyVerdict = 'fit' | 'misplaced' | 'missed' | 'none';
export type Criterion = ScoreName | 'resolution' | 'sentiment' | 'road';

export type Evidence = {
  criterion: Criterion;
  turn: number;
  quote: string;
  why: string;
};

export type Flags = {
  repeatAsk: boolean;
  apologyMisplaced: boolean;
  prematureClose: boolean;
  redirectAndClose: boolean;
  longHold: boolean;
  multipleTransfers: boolean;
};

export type RepeatAsk = {
  turn: number;
  slot: Slot;
  // Turn where the value was given, or -1 when it was known before the conversation started.
  givenIn: number;
  source: 'said' | 'known' | 'verified';
};

export type QualityResult = {
  id?: string;
  overall: number;
  road: Road;
  scores: Record<ScoreName, number>;
  resolution: Resolution;
  apology: ApologyVerdict;
  flags: Flags;
  signals: {
    ivrLoop: boolean;
    callbackMissed: boolean;
    promiseBroken: boolean;
    unresolvedProblem: boolean;
    customerUpset: boolean;
    longestHoldSeconds: number;
    transfers: number;
  };
  sentiment: {
    start: number;
    end: number;
    change: number;
    turns: { turn: number; score: number }[];
  };
  repeatAsks: RepeatAsk[];
  reasons: string[];
  evidence: Evidence[];
};

// What each criterion hands back to the scorer.
export type CriterionOutcome = {
  score: number;
  reasons: string[];
  evidence: Evidence[];
};
