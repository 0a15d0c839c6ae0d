import { analyseText, type TextAnalysis } from './analyse-text.js';
import type { Transcript } from './transcript-schema.js';

type TurnText = Pick<Transcript['turns'][number], 'role' | 'text'>;

// The engine's reading of a conversation's turns, one analysis per turn in order, shared by every
// criterion. Customer turns are read with negation and sentiment (each sentence's score needs that
// sentence alone); the other turns need only tokens and types. Exported so the bench can show how
// much of scoring this reading is.
export const readTurns = (turns: readonly TurnText[]): TextAnalysis[] =>
  turns.map((turn) => analyseText(turn.text, { sentiment: turn.role === 'customer' }));
