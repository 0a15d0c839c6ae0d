import { toMillis } from './build-conversation.js';
import { stripSpeechNoise } from './strip-speech-noise.js';
import type { Transcript, TranscriptEvent } from './transcript-schema.js';

export type MergedTranscript = {
  transcript: Transcript;
  // For each merged turn, the index of the original turn it starts with, so results can point at
  // the turns the caller sent rather than at the engine's regrouping.
  origin: readonly number[];
};

// Index of the last original turn an event follows, or undefined when it cannot be told.
const eventPosition = (
  event: TranscriptEvent,
  times: readonly (number | undefined)[],
): number | undefined => {
  if (event.afterTurn !== undefined) return event.afterTurn;
  const at = toMillis(event.at);
  if (at === undefined || times.every((t) => t === undefined)) return undefined;
  let after = -1;
  times.forEach((t, i) => {
    if (t !== undefined && t <= at) after = i;
  });
  return after;
};

// Whether an event falls after original turn `from` and before turn `to`. Most transcripts have no
// events: the set is then not copied into an array for every turn.
const breaksBetween = (breaks: ReadonlySet<number>, from: number, to: number): boolean => {
  for (const b of breaks) if (b >= from && b < to) return true;
  return false;
};

// A recorder cuts speech into segments wherever the speaker pauses, often mid-sentence, and a chat
// customer may send one thought as three messages. Consecutive segments of one speaker (same role,
// same agent, nothing happening between them) are read as one turn, so a question split from its
// answer, or an address read out over six segments, is seen whole. Fillers and noise markers are
// removed first and segments left with nothing said are dropped.
export const mergeSegments = (transcript: Transcript): MergedTranscript => {
  const times = transcript.turns.map((t) => toMillis(t.at));
  const breaks = new Set<number>();
  for (const event of transcript.events ?? []) {
    const position = eventPosition(event, times);
    if (position !== undefined) breaks.add(position);
  }

  const turns: Transcript['turns'] = [];
  const origin: number[] = [];
  // toMerged[i]: the merged turn holding original turn i, or the one before it when i was dropped.
  const toMerged: number[] = [];
  let lastKept = -1;
  transcript.turns.forEach((turn, index) => {
    const text = stripSpeechNoise(turn.text);
    const previous = turns[turns.length - 1];
    const joinable =
      previous !== undefined &&
      previous.role === turn.role &&
      previous.agent === turn.agent &&
      !breaksBetween(breaks, lastKept, index);
    if (text === '') {
      toMerged.push(turns.length - 1);
      return;
    }
    if (joinable) {
      previous.text = `${previous.text} ${text}`;
    } else {
      turns.push({ ...turn, text });
      origin.push(index);
    }
    toMerged.push(turns.length - 1);
    lastKept = index;
  });
  if (turns.length === 0) {
    turns.push({ ...transcript.turns[0]!, text: '' });
    origin.push(0);
  }

  const events = transcript.events?.map((event) =>
    event.afterTurn === undefined || event.afterTurn < 0
      ? event
      : { ...event, afterTurn: toMerged[event.afterTurn] ?? -1 },
  );
  return { transcript: { ...transcript, turns, ...(events ? { events } : {}) }, origin };
};
