import { isFinished } from '../../conversations/index.js';
import type { Transcript } from '../../../engine/quality/formats.js';
import { replyWaits } from './reply-waits.js';

// What the transcript is built from: the shape getConversation() returns, narrowed to what is read.
export type ConversationFacts = {
  id: string;
  channel: Transcript['channel'];
  verification: { method: string; verifiedAt: Date | string } | null;
  customer: { name: string; identities: { type: string; displayValue: string }[] };
  messages: {
    role: 'customer' | 'agent' | 'bot' | 'system';
    text: string;
    internal: boolean;
    authorId: string | null;
    createdAt: Date | string;
  }[];
  timeline: { type: string; at: Date | string; data: Record<string, unknown> }[];
  /** Promises made in the conversation and broken (from the promises module). */
  brokenPromises?: { type: string; reference: string; terms: string; brokenAt: Date | string }[];
};

// 'conversation' judges every turn from the first; 'draft' judges a reply about to follow the last.
export type Judging = 'conversation' | 'draft';

type Event = NonNullable<Transcript['events']>[number];

const LIVE_CHANNELS = new Set(['chat', 'phone']);
const KNOWN_KEY: Record<string, string> = {
  email: 'email',
  phone: 'phone',
  account: 'account',
  social: 'social',
};

const ms = (at: Date | string): number => (at instanceof Date ? at.getTime() : Date.parse(at));

/*
 * How a help-desk conversation becomes the engine's transcript:
 *
 * turns     every message the customer could see, oldest first: role and text as written, `at` as
 *           ISO time, `agent` = the author's user id. Internal notes are left out: the customer
 *           never saw them, so they can neither listen nor fail to.
 * events    timeline entries, each placed with `afterTurn` = the last turn at or before it:
 *             transferred            -> transfer (note, from, to; warm when a handover note went with it)
 *             verified               -> verified (method)
 *             status_changed to resolved / closed -> resolved / closed
 *             call hold / transfer   -> hold (durationSeconds) / transfer (a phone call's steps)
 *           and on live channels (chat, phone) a reply that kept the customer waiting a minute or
 *           more -> hold (durationSeconds), so the rubric's long-hold limit applies to chat too;
 *           a broken promise -> callback_missed for a callback, promise_broken for any other,
 *           placed when it broke, with its reference and terms as the note.
 * customer  name; `known` from the customer's identities (email, phone, account, social; a second
 *           one of a kind as email_2 and so on); `verified` when the identity check came before the
 *           first judged turn: for a whole conversation only a check made before the first message
 *           (otherwise the `verified` event marks where it happened, so asking for the account
 *           number in order to verify is not a repeat-ask), for a draft any check so far.
 */
export function buildTranscript(facts: ConversationFacts, judging: Judging = 'conversation'): Transcript {
  const visible = facts.messages.filter((m) => !m.internal);
  const turns = visible.map((m) => ({
    role: m.role,
    text: m.text,
    at: new Date(ms(m.createdAt)).toISOString(),
    ...(m.role === 'agent' && m.authorId ? { agent: m.authorId } : {}),
  }));
  const times = visible.map((m) => ms(m.createdAt));
  const afterTurn = (at: number): number => {
    let last = -1;
    times.forEach((t, i) => {
      if (t <= at) last = i;
    });
    return last;
  };

  const events: Event[] = [];
  for (const entry of facts.timeline) {
    const at = ms(entry.at);
    const placed = { at: new Date(at).toISOString(), afterTurn: afterTurn(at) };
    if (entry.type === 'transferred') {
      const note = typeof entry.data.note === 'string' ? entry.data.note : undefined;
      events.push({
        type: 'transfer',
        ...placed,
        ...(note ? { note, warm: true } : {}),
        from: entry.data.from,
        to: entry.data.to,
      });
    } else if (entry.type === 'verified') {
      const method = typeof entry.data.method === 'string' ? entry.data.method : undefined;
      events.push({ type: 'verified', ...placed, ...(method ? { method } : {}) });
    } else if (entry.type === 'call' && entry.data.event === 'hold') {
      // A call's hold, with its length once the caller was back (phone channel, call-timeline.ts).
      const seconds = entry.data.durationSeconds;
      events.push({
        type: 'hold',
        ...placed,
        ...(typeof seconds === 'number' ? { durationSeconds: seconds } : {}),
      });
    } else if (entry.type === 'call' && entry.data.event === 'transfer') {
      const note = typeof entry.data.note === 'string' ? entry.data.note : undefined;
      events.push({ type: 'transfer', ...placed, ...(note ? { note, warm: true } : {}) });
    } else if (entry.type === 'status_changed' && isFinished(entry.data.to)) {
      events.push({ type: entry.data.to, ...placed });
    }
  }
  for (const promise of facts.brokenPromises ?? []) {
    const at = ms(promise.brokenAt);
    events.push({
      type: promise.type === 'callback' ? 'callback_missed' : 'promise_broken',
      at: new Date(at).toISOString(),
      afterTurn: afterTurn(at),
      note: `${promise.type} ${promise.reference}: ${promise.terms}`,
    });
  }
  if (LIVE_CHANNELS.has(facts.channel)) {
    const waits = replyWaits(visible.map((m, i) => ({ role: m.role, atMs: times[i]! })));
    for (const wait of waits) events.push({ type: 'hold', ...wait });
  }
  events.sort((a, b) => (a.afterTurn ?? -1) - (b.afterTurn ?? -1));

  const known: Record<string, string> = {};
  for (const identity of facts.customer.identities) {
    const base = KNOWN_KEY[identity.type];
    if (!base) continue;
    let key = base;
    for (let n = 2; key in known; n++) key = `${base}_${n}`;
    known[key] = identity.displayValue;
  }
  const verification = facts.verification;
  const verified =
    verification !== null &&
    (judging === 'draft' || (times.length > 0 && ms(verification.verifiedAt) < times[0]!));

  return {
    id: facts.id,
    channel: facts.channel,
    customer: { name: facts.customer.name, known, verified },
    turns,
    events,
  };
}
