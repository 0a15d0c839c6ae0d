import { analyseText } from './analyse-text.js';
import { defaultLexicon } from './build-lexicon.js';
import { scoreCustomerText } from './score-sentiment.js';

// One customer utterance on its own, -1..1, with the engine's support-specific calibration. Used by
// the calibration report and anywhere a single message needs a mood (survey comments, reviews).
export const scoreCustomerSentiment = (text: string): number =>
  scoreCustomerText(text, analyseText(text, { sentiment: true }), defaultLexicon).score;
