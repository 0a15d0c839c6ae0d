export type ScoreName = 'empathy' | 'listening' | 'apologyFit' | 'repeatAsk' | 'clarity';

export type PhraseKind = 'empathy' | 'apology' | 'redirect' | 'jargon' | 'customerChoice';

export type Rubric = {
  weights: Record<ScoreName, number>;
  longHoldSeconds: number;
  // How many agent, bot or system turns may follow the customer's last open question before the
  // conversation ends and still count as "closed on them".
  prematureCloseTurns: number;
  // Points taken off the overall score for each Road 4 signal: the five criteria measure how the
  // conversation felt, these measure what the company made the customer go through.
  penalties: {
    longHold: number;
    multipleTransfers: number;
    redirectAndClose: number;
    prematureClose: number;
    ivrLoop: number;
    callbackMissed: number;
    unresolvedProblem: number;
  };
  extraPhrases: Partial<Record<PhraseKind, string[]>>;
};

export const defaultRubric: Rubric = Object.freeze({
  weights: Object.freeze({ empathy: 0.25, listening: 0.25, apologyFit: 0.15, repeatAsk: 0.15, clarity: 0.2 }),
  longHoldSeconds: 300,
  prematureCloseTurns: 1,
  penalties: Object.freeze({
    longHold: 8,
    multipleTransfers: 8,
    redirectAndClose: 12,
    prematureClose: 10,
    ivrLoop: 6,
    callbackMissed: 10,
    unresolvedProblem: 8,
  }),
  extraPhrases: Object.freeze({}),
}) as Rubric;

// Workspace settings are stored sparsely, so nested groups are merged field by field rather than
// replaced wholesale.
export const resolveRubric = (partial?: Partial<Rubric>): Rubric => {
  if (!partial) return defaultRubric;
  return {
    weights: { ...defaultRubric.weights, ...partial.weights },
    longHoldSeconds: partial.longHoldSeconds ?? defaultRubric.longHoldSeconds,
    prematureCloseTurns: partial.prematureCloseTurns ?? defaultRubric.prematureCloseTurns,
    penalties: { ...defaultRubric.penalties, ...partial.penalties },
    extraPhrases: { ...partial.extraPhrases },
  };
};
