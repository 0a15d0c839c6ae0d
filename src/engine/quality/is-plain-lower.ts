// Whether a text is made of a-z only (and is not empty). Such a text is its own lower case: testing
// that in place is cheaper than toLowerCase, a call into the runtime per token, and most tokens of
// a conversation are such words.
export const isPlainLower = (text: string): boolean => {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
};
