/*
 * Whether a customer's message that quotes a quote's reference says yes to it. Deliberately
 * narrow: an explicit word of acceptance, and none of refusal or condition in its sentence, so "I accept"
 * and "Yes, go ahead with ABC-DEFG" keep the quote while "I can't accept that price" or "Do you
 * accept cards?" only bring it to its owner. A quote that is not taken here is not lost: its owner
 * sees the message and can mark it kept.
 */
const acceptance =
  /\b(accept(ed|ing)?|agree[ds]?|go ahead|i'?ll take it|we'?ll take it|deal|confirm(ed)?)\b/i;
const refusal =
  /\b(not|never|no longer|cannot|can'?t|couldn'?t|won'?t|wouldn'?t|don'?t|doesn'?t|didn'?t|decline[ds]?|reject(ed)?|unless|if)\b/i;

export function acceptsQuote(text: string): boolean {
  const said = acceptance.exec(text);
  if (!said) return false;
  // A question ("Do you accept…?") asks, it does not answer.
  const sentence =
    text
      .slice(0, said.index)
      .split(/[.!?\n]/)
      .at(-1) ?? '';
  const rest = text.slice(said.index).split(/[.!\n]/)[0] ?? '';
  if (rest.includes('?')) return false;
  // A refusal or a condition anywhere in the sentence ("would agree if…") is no yes.
  return !refusal.test(`${sentence} ${rest}`.replace(/’/g, "'"));
}
