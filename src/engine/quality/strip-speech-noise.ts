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

// A whole word that is a hesitation, as FILLER finds one.
const FILLER_WORD = /^(?:u+[hm]+|e+r+m+|h+m+|a+h+m+)$/i;

// The characters FILLER's edges test for: \w, the apostrophe and the hyphen.
const isWordChar = (code: number): boolean =>
  ((code | 32) >= 97 && (code | 32) <= 122) ||
  (code >= 48 && code <= 57) ||
  code === 95 ||
  code === 39 ||
  code === 45;

// The letters fillers are made of, either case: a, e, h, m, r, u.
const isFillerLetter = (code: number): boolean => {
  const lower = code | 32;
  return lower === 97 || lower === 101 || lower === 104 || lower === 109 || lower === 114 || lower === 117;
};

// One cheap test first: most written text has none of it and is returned untouched. A text is
// noisy when it holds [ < or ~, or a whole run of word characters that is a filler; one walk over
// the characters finds either, where a regular expression with a lookbehind, tried at every
// position of every turn, cost more than the rest of this file's work.
const isNoisy = (text: string): boolean => {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 91 || code === 60 || code === 126) return true;
    if (!isWordChar(code)) {
      i += 1;
      continue;
    }
    const start = i;
    let fillerLetters = true;
    for (; i < text.length; i += 1) {
      const next = text.charCodeAt(i);
      if (!isWordChar(next)) break;
      if (fillerLetters && !isFillerLetter(next)) fillerLetters = false;
    }
    if (fillerLetters && i - start >= 2 && FILLER_WORD.test(text.slice(start, i))) return true;
  }
  return false;
};

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
