import { analyseText, type TextAnalysis } from './analyse-text.js';
import type { Transcript } from './transcript-schema.js';

// The engine's reading of one turn, shared by every criterion: tokens, normal forms and sentences,
// read once. Only customer turns need wink's sentiment pass, the costliest part of its pipeline.
// Exported so the bench can show how much of scoring this reading is.
export const readTurn = (turn: Pick<Transcript['turns'][number], 'role' | 'text'>): TextAnalysis =>
  analyseText(turn.text, { sentiment: turn.role === 'customer' });
