import { analysePlainTexts, analyseText, type TextAnalysis } from './analyse-text.js';
import type { Transcript } from './transcript-schema.js';

type TurnText = Pick<Transcript['turns'][number], 'role' | 'text'>;

// The engine's reading of a conversation's turns, one analysis per turn in order, shared by every
// criterion. Customer turns are read one by one with wink's negation and sentiment (each sentence's
// score needs that sentence alone in wink's pass); the other turns need only tokens and types and are
// read together, in one wink document (see analysePlainTexts). Exported so the bench can show how
// much of scoring this reading is.
export const readTurns = (turns: readonly TurnText[]): TextAnalysis[] => {
  const analyses: TextAnalysis[] = new Array<TextAnalysis>(turns.length);
  const plain: number[] = [];
  for (let i = 0; i < turns.length; i += 1) {
    const turn = turns[i]!;
    if (turn.role === 'customer') analyses[i] = analyseText(turn.text, { sentiment: true });
    else plain.push(i);
  }
  const read = analysePlainTexts(plain.map((i) => turns[i]!.text));
  for (let k = 0; k < plain.length; k += 1) analyses[plain[k]!] = read[k]!;
  return analyses;
};
