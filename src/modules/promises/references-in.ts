import { inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { parseReference } from './reference.js';
import { promises } from './schema.js';

// How many references one message is searched for: a customer quotes one, rarely two; a pasted
// table of numbers costs no more than this many lookups.
const maxCandidates = 5;

/*
 * A reference as people write it in a message: "ABC-DEFG" in any case; the seven symbols run
 * together in capitals ("ABCDEFG", so an ordinary seven-letter word is not taken for one); or the
 * eleven keypad digits. Only candidates whose check character holds are kept, so most words and
 * numbers that look like one never reach the database, and a mistyped reference matches nothing.
 */
const written = /(?<![\p{L}\p{N}])([\p{L}\p{N}]{3}-[\p{L}\p{N}]{4}|[A-Z2-9]{7}|\d{11})(?![\p{L}\p{N}])/gu;

/** The canonical references a text carries, in the order they appear, each once. */
export function referencesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(written)) {
    const reference = parseReference(match[1]!);
    if (reference && !found.includes(reference)) found.push(reference);
    if (found.length === maxCandidates) break;
  }
  return found;
}

/**
 * The promise a customer's text refers to: the first of its references that names a promise of
 * this workspace, or null. The one place every channel finds references (email subjects and
 * bodies, chat messages, messages posted through the API; a call's keypad digits use
 * parseReference on what was keyed in).
 */
export async function promiseReferencedIn(ctx: WorkContext, text: string) {
  const references = referencesIn(text);
  if (!references.length) return null;
  const rows = await ctx.tx.select().from(promises).where(inArray(promises.reference, references));
  return references.map((r) => rows.find((row) => row.reference === r)).find((row) => row) ?? null;
}
