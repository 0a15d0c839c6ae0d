import type { CallEvent, CallEventType } from './call-event.js';

export type StoredEvent = { key: string; at: Date; event: CallEvent };

// For events at the same instant, the order a call takes: a call starts, is answered (a menu's
// keys come after the answer), queued, held, and ends last.
const rank: Record<CallEventType, number> = {
  started: 0,
  answered: 1,
  ivr: 2,
  queued: 3,
  transfer: 4,
  hold: 5,
  unhold: 6,
  recording: 7,
  ended: 8,
  transcript: 9,
};

export const inCallOrder = (events: readonly StoredEvent[]) =>
  [...events].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      rank[a.event.type] - rank[b.event.type] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );

export type CallState = {
  status: 'ringing' | 'queued' | 'ivr' | 'in_progress' | 'on_hold' | 'ended';
  startedAt: Date;
  from: string;
  /** The first member who took the call, and when: the end of the caller's wait for a human. */
  firstHuman: { agentId: string; at: Date } | null;
  agentId: string | null;
  endedAt: Date | null;
  cause: string | null;
  holds: { at: Date; seconds: number | null }[];
  transfers: { at: Date; note?: string; toAgentId?: string; queue?: string }[];
  ivr: StoredEvent[];
  callbacks: StoredEvent[];
  transcript: StoredEvent | null;
};

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/*
 * A call is what the set of its events says, read in the order they happened (by `at`), never in
 * the order they arrived: the same events in any arrival order give the same state. `members`
 * are the agent ids that belong to the workspace; an `answered` without one was a machine.
 */
export function deriveCall(events: readonly StoredEvent[], members: ReadonlySet<string>): CallState {
  const sorted = inCallOrder(events);
  const first = sorted[0]!;
  const state: CallState = {
    status: 'ringing',
    startedAt: (sorted.find((e) => e.event.type === 'started') ?? first).at,
    from: (sorted.find((e) => e.event.type === 'started') ?? first).event.from,
    firstHuman: null,
    agentId: null,
    endedAt: null,
    cause: null,
    holds: [],
    transfers: [],
    ivr: [],
    callbacks: [],
    transcript: null,
  };
  let holdSince: Date | null = null;
  for (const stored of sorted) {
    const { event, at } = stored;
    if (event.callback) state.callbacks.push(stored);
    switch (event.type) {
      case 'queued':
        if (!state.endedAt) state.status = 'queued';
        break;
      case 'ivr':
        state.ivr.push(stored);
        if (!state.endedAt && state.status !== 'in_progress') state.status = 'ivr';
        break;
      case 'answered':
        if (!state.endedAt) state.status = 'in_progress';
        if (event.agentId && members.has(event.agentId)) {
          state.agentId = event.agentId;
          state.firstHuman ??= { agentId: event.agentId, at };
        }
        break;
      case 'transfer':
        state.transfers.push({
          at,
          ...(event.note ? { note: event.note } : {}),
          ...(event.toAgentId ? { toAgentId: event.toAgentId } : {}),
          ...(event.queue ? { queue: event.queue } : {}),
        });
        if (event.toAgentId && members.has(event.toAgentId)) state.agentId = event.toAgentId;
        break;
      case 'hold':
        if (!holdSince) holdSince = at;
        if (!state.endedAt) state.status = 'on_hold';
        break;
      case 'unhold':
        if (holdSince) state.holds.push({ at: holdSince, seconds: seconds(holdSince, at) });
        holdSince = null;
        if (!state.endedAt) state.status = 'in_progress';
        break;
      case 'ended':
        state.endedAt ??= at;
        state.cause ??= event.cause ?? 'completed';
        state.status = 'ended';
        if (holdSince) state.holds.push({ at: holdSince, seconds: seconds(holdSince, at) });
        holdSince = null;
        break;
      case 'transcript':
        state.transcript = stored;
        break;
      case 'started':
      case 'recording':
        break;
    }
  }
  // Still on hold when the events so far stop: how long is not known yet.
  if (holdSince) state.holds.push({ at: holdSince, seconds: null });
  return state;
}

/** How long the caller waited for a human, or null when the call ended without one; undefined: not yet known. */
export function callWait(state: CallState): number | null | undefined {
  if (state.firstHuman) return seconds(state.startedAt, state.firstHuman.at);
  return state.endedAt ? null : undefined;
}
