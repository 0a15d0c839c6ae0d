import type { Transcript } from '../transcript-schema.js';

// Tests write conversations as [role, text] pairs; the transcript around them is the same each time.
export type Line = [Transcript['turns'][number]['role'], string];

export const turnsOf = (lines: Line[]): Transcript['turns'] => lines.map(([role, text]) => ({ role, text }));

export const chat = (lines: Line[], extra: Partial<Transcript> = {}): Transcript => ({
  channel: 'chat',
  turns: turnsOf(lines),
  ...extra,
});

// A transcribed call: lower-case, unpunctuated segments, one per line.
export const call = (lines: Line[], extra: Partial<Transcript> = {}): Transcript => ({
  channel: 'phone',
  turns: turnsOf(lines),
  ...extra,
});
