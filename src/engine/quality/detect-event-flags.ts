import { toMillis, type Conversation, type PlacedEvent } from './build-conversation.js';
import type { Evidence } from './quality-result.js';

export type EventFlags = {
  longHold: boolean;
  longestHoldSeconds: number;
  longHoldTurn: number;
  transfers: number;
  multipleTransfers: boolean;
  ivrLoop: boolean;
  callbackMissed: boolean;
  callbackMissedTurn: number;
  /** A promise other than a callback (a quote, a follow-up) that was not kept. */
  promiseBroken: boolean;
  reasons: string[];
  evidence: Evidence[];
};

const minutes = (seconds: number): string =>
  seconds >= 90 ? `${Math.round(seconds / 60)} minutes` : `${Math.round(seconds)} seconds`;

// A hold without a recorded duration is measured from when it started to the next thing anyone said.
const holdSeconds = (placed: PlacedEvent, conversation: Conversation): number => {
  const { event } = placed;
  if (event.durationSeconds !== undefined) return event.durationSeconds;
  const ended = toMillis(
    typeof event['endedAt'] === 'string' || typeof event['endedAt'] === 'number'
      ? (event['endedAt'] as string | number)
      : undefined,
  );
  const started = placed.at ?? conversation.turns[placed.after]?.at;
  const next = conversation.turns.find((turn) => turn.index > placed.after && turn.at !== undefined)?.at;
  const end = ended ?? next;
  if (started === undefined || end === undefined || end < started) return 0;
  return (end - started) / 1000;
};

const evidenceAt = (turn: number, conversation: Conversation, why: string): Evidence => ({
  criterion: 'road',
  turn: Math.max(0, Math.min(turn, conversation.turns.length - 1)),
  quote: conversation.turns[Math.max(0, Math.min(turn, conversation.turns.length - 1))]!.text.slice(0, 180),
  why,
});

export const detectEventFlags = (conversation: Conversation): EventFlags => {
  const { events, rubric } = conversation;
  const reasons: string[] = [];
  const evidence: Evidence[] = [];
  let longestHoldSeconds = 0;
  let longHoldTurn = -1;
  for (const placed of events) {
    if (placed.event.type !== 'hold') continue;
    const seconds = holdSeconds(placed, conversation);
    if (seconds > longestHoldSeconds) {
      longestHoldSeconds = seconds;
      longHoldTurn = placed.after;
    }
  }
  const longHold = longestHoldSeconds > rubric.longHoldSeconds;
  if (longHold) {
    reasons.push(
      `Customer was on hold for ${minutes(longestHoldSeconds)} (limit ${minutes(rubric.longHoldSeconds)})`,
    );
    evidence.push(evidenceAt(longHoldTurn + 1, conversation, `On hold for ${minutes(longestHoldSeconds)}`));
  }
  const transferEvents = events.filter((e) => e.event.type === 'transfer');
  const transfers = transferEvents.length;
  if (transfers > 1) {
    reasons.push(`Customer was transferred ${transfers} times`);
    const last = transferEvents[transferEvents.length - 1]!;
    evidence.push(evidenceAt(last.after + 1, conversation, `Transfer number ${transfers}`));
  }
  const ivr = events.filter((e) => e.event.type === 'ivr');
  const ivrLoop = ivr.length >= 2 || ivr.some((e) => e.event.loop === true);
  if (ivrLoop)
    reasons.push(
      `Customer went round the phone menu ${Math.max(ivr.length, 2)} times before reaching anyone`,
    );
  const missed = events.find((e) => e.event.type === 'callback_missed');
  if (missed) {
    reasons.push('A promised callback was missed');
    evidence.push(evidenceAt(missed.after + 1, conversation, 'Callback promised and not made'));
  }
  const broken = events.find((e) => e.event.type === 'promise_broken');
  if (broken) {
    const what = typeof broken.event.note === 'string' ? `: ${broken.event.note}` : '';
    reasons.push(`A promise to the customer was broken${what}`);
    evidence.push(evidenceAt(broken.after + 1, conversation, `Promise not kept${what}`));
  }
  return {
    longHold,
    longestHoldSeconds: Math.round(longestHoldSeconds),
    longHoldTurn,
    transfers,
    multipleTransfers: transfers > 1,
    ivrLoop,
    callbackMissed: missed !== undefined,
    callbackMissedTurn: missed ? missed.after : -1,
    promiseBroken: broken !== undefined,
    reasons,
    evidence,
  };
};
