// Transcribed calls carry things nobody meant: hesitation fillers, the transcriptionist's markers for
// noise and unclear speech, and words cut off mid-way ("i wou~ i need"). Left in, "[noise]" reads as
// a word, "um" opens sentences, and a segment of pure noise looks like a customer who said something.

// Bracketed markers: [noise], [laughter], [unintelligible], [cough], [music], <unk>, <noise> ...
const MARKER = /\[[^\]\n]{0,40}\]|<[a-z_]{1,20}>/gi;
// A word cut off by the speaker, written with a trailing tilde.
const CUT_OFF = /(?:^|\s)\S*~(?=\s|$)/g;
// A restart repeats the words before the cut: "i wou~ i need" is "i need".
const RESTART = /(?<!\S)(\S+) \S*~ \1(?!\S)/gi;
// Hesitations only: "hmm", "um", "uh" and their spellings. "mhm", "yeah", "oh" answer or react, so
// they stay.
const FILLER = /(?<![\w'-])(?:u+[hm]+|u+h+m+|e+r+m+|h+m+|a+h+m+)(?![\w'-])[,.]?/gi;
const SPACES = /[ \t]{2,}/g;

// Cheap tests first: most written text has none of it and is returned untouched. A filler as
// FILLER finds it stands between word boundaries, so the pattern with \b, which the engine tries
// faster than the lookbehind, rules most text out before the exact one runs.
const MARKS = /[[<~]/;
const MAY_HAVE_FILLER = /\b(?:u+[hm]+|e+r+m+|h+m+|a+h+m+)\b/i;
const HAS_FILLER = /(?<![\w'-])(?:u+[hm]+|e+r+m+|h+m+|a+h+m+)(?![\w'-])/i;
const isNoisy = (text: string): boolean =>
  MARKS.test(text) || (MAY_HAVE_FILLER.test(text) && HAS_FILLER.test(text));

export const stripSpeechNoise = (text: string): string => {
  if (!isNoisy(text)) return text;
  return text
    .replace(MARKER, ' ')
    .replace(RESTART, '$1')
    .replace(CUT_OFF, ' ')
    .replace(FILLER, ' ')
    .replace(SPACES, ' ')
    .trim();
};
