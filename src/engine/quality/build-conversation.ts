import type { TextAnalysis } from './analyse-text.js';
import { lexiconFor, type Lexicon } from './build-lexicon.js';
import { readTurns } from './read-turns.js';
import type { Rubric } from './rubric.js';
import type { Role, Transcript, TranscriptEvent } from './transcript-schema.js';

export type AnalysedTurn = {
  index: number;
  role: Role;
  text: string;
  analysis: TextAnalysis;
  at: number | undefined;
  agent: string | undefined;
  overlap: boolean;
};

export type PlacedEvent = {
  event: TranscriptEvent;
  // Index of the turn the event follows; -1 means before the first turn.
  after: number;
  // False when the event carried neither afterTurn nor a time and was placed by convention.
  placed: boolean;
  at: number | undefined;
};

export type Conversation = {
  transcript: Transcript;
  turns: readonly AnalysedTurn[];
  events: readonly PlacedEvent[];
  rubric: Rubric;
  lexicon: Lexicon;
};

export const toMillis = (at: string | number | undefined): number | undefined => {
  if (at === undefined) return undefined;
  if (typeof at === 'number') return at;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? undefined : ms;
};

// Without a position, outcomes ("resolved", "closed", a logged suggestion) are taken to come at the
// end, where systems that omit the position record them; everything else (identity checks, IVR,
// holds, an earlier missed callback) is taken to come first, so it counts against every turn.
const AT_END = new Set<TranscriptEvent['type']>([
  'resolved',
  'closed',
  'redirect',
  'feedback_logged',
  'article_shared',
  'callback_offered',
]);
const defaultPosition = (event: TranscriptEvent, lastTurn: number): number =>
  AT_END.has(event.type) ? lastTurn : -1;

const placeEvent = (event: TranscriptEvent, turns: readonly AnalysedTurn[]): PlacedEvent => {
  const at = toMillis(event.at);
  if (event.afterTurn !== undefined) return { event, after: event.afterTurn, placed: true, at };
  if (at !== undefined && turns.some((turn) => turn.at !== undefined)) {
    let after = -1;
    for (const turn of turns) if (turn.at !== undefined && turn.at <= at) after = turn.index;
    return { event, after, placed: true, at };
  }
  return { event, after: defaultPosition(event, turns.length - 1), placed: false, at };
};

export const buildConversation = (transcript: Transcript, rubric: Rubric): Conversation => {
  const analyses = readTurns(transcript.turns);
  const turns: AnalysedTurn[] = transcript.turns.map((turn, index) => ({
    index,
    role: turn.role,
    text: turn.text,
    analysis: analyses[index]!,
    at: toMillis(turn.at),
    agent: turn.agent,
    overlap: turn.overlap === true,
  }));
  const events = (transcript.events ?? [])
    .map((event) => placeEvent(event, turns))
    .sort((a, b) => a.after - b.after);
  return { transcript, turns, events, rubric, lexicon: lexiconFor(rubric.extraPhrases) };
};

export const isStaff = (role: Role): boolean => role === 'agent' || role === 'bot';
