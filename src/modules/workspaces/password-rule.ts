import { commonPasswordWords } from './common-passwords.js';

// Look-alike characters people swap in for letters ("p@ssw0rd").
const lookAlikes: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/*
 * The letters a password is built on: lower-cased, without what people bolt on at the ends
 * (digits, punctuation, spaces), with look-alikes read back as letters and separators dropped.
 */
export function passwordCore(text: string): string {
  const trimmed = text.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...trimmed]
    .map((ch) => lookAlikes[ch] ?? ch)
    .join('')
    .replace(/[^\p{L}]/gu, '');
}

// The shortest piece the text is made of, said over and over: "ab" for "abababab", the whole
// text when it repeats nothing.
function unitOf(text: string): string {
  for (let unit = 1; unit <= text.length / 2; unit++) {
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text) {
      return text.slice(0, unit);
    }
  }
  return text;
}

// Runs along the alphabet, the digits or a keyboard row, either way: "abcdefghij", "0987654321".
const sequences = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  '`1234567890-=',
  'qwertyuiop[]',
  "asdfghjkl;'",
  'zxcvbnm,./',
].flatMap((s) => [s, [...s].reverse().join('')]);
const isRun = (text: string) => sequences.some((s) => s.includes(text));

/**
 * Why a password is refused, or null when it is acceptable. Length is checked by the schema;
 * this rule refuses what length alone lets through: the account's email or its parts, one
 * character repeated, runs, and passwords built on a common word.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const plain = password.toLowerCase();
  if (unitOf(plain).length === 1) return 'must not be one character repeated';
  if (unitOf(plain).length <= 3 || isRun(plain)) return 'must not be a repeated or running pattern';
  // A symbol at either end may stand for a letter ("$unshine") or be bolted on ("summer!"): both readings.
  const cores = [password, password.replace(/[@$!|]/g, (ch) => lookAlikes[ch]!)].map((p) =>
    unitOf(passwordCore(p)),
  );
  const core = cores[0]!;
  if (cores.some((c) => commonPasswordWords.has(c)))
    return 'is too common: it is built on a password attackers try first';
  if (email) {
    const [local = '', domain = ''] = email.toLowerCase().split('@');
    const own = [email, local, domain.split('.')[0] ?? ''].map(passwordCore).filter((p) => p.length >= 3);
    if (plain === email.toLowerCase() || own.includes(core))
      return 'must not be your email address or built on it';
  }
  return null;
}
