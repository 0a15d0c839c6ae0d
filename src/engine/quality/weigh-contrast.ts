// "The screen is lovely but the battery dies by lunch": what follows "but" is what the speaker
// means, and a lexicon that adds up every word reads it as mixed. The clause after the contrast is
// weighted three times the clause before it (the weighting VADER published for "but"); when the
// clause after carries no feeling, the clause before still counts for half.
const CONTRAST = /\s(?:but|however|although|though|yet)\s/i;
const BEFORE = 0.25;
const AFTER = 0.75;
const BEFORE_ALONE = 0.5;

export const splitAtContrast = (text: string): { before: string; after: string } | null => {
  const match = CONTRAST.exec(text);
  if (!match || match.index === 0) return null;
  const before = text.slice(0, match.index).trim();
  const after = text.slice(match.index + match[0].length).trim();
  return before && after ? { before, after } : null;
};

export const weighContrast = (before: number, after: number): number =>
  after === 0 ? BEFORE_ALONE * before : BEFORE * before + AFTER * after;
