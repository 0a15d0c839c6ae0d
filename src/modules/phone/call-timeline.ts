import { inCallOrder, type CallState, type StoredEvent } from './derive-call.js';

/** What Earshot made of an IVR entry, shown on it. */
export type IvrOutcome = { verified?: boolean; promiseReference?: string; callbackPromiseId?: string };

// Digits may be an account number: the timeline shows a short menu choice as keyed, and only the
// last two digits of anything longer.
const shownDigits = (digits: string) => (digits.length <= 2 ? digits : `…${digits.slice(-2)}`);

/*
 * The call as the conversation's timeline shows it, one entry per event in the order the call
 * took, each `call` entry carrying the call's id and what an agent reads: the queue position, the
 * IVR step, who answered, how long a hold lasted, the handover note, the end cause.
 */
export function callTimeline(
  callId: string,
  events: readonly StoredEvent[],
  state: CallState,
  outcomes: ReadonlyMap<string, IvrOutcome>,
) {
  const holds = new Map(state.holds.map((h) => [h.at.getTime(), h.seconds]));
  let previous = -Infinity;
  return inCallOrder(events).map(({ key, at: happened, event }) => {
    // Steps at the same instant are a millisecond apart on the timeline, so they read in the
    // call's order there too (the timeline sorts by time).
    const at = new Date(Math.max(happened.getTime(), previous + 1));
    previous = at.getTime();
    const data: Record<string, unknown> = { callId, event: event.type, from: event.from };
    if (event.to) data.to = event.to;
    if (event.agentId) data.agentId = event.agentId;
    if (event.queue) data.queue = event.queue;
    if (event.position !== undefined) data.position = event.position;
    if (event.digits) data.digits = shownDigits(event.digits);
    if (event.note) data.note = event.note;
    if (event.toAgentId) data.toAgentId = event.toAgentId;
    if (event.recordingUrl) data.recordingUrl = event.recordingUrl;
    if (event.type === 'answered') data.human = Boolean(event.agentId);
    if (event.type === 'answered' && state.firstHuman?.at.getTime() === happened.getTime()) {
      data.firstHuman = true;
    }
    if (event.type === 'hold') {
      const seconds = holds.get(happened.getTime());
      if (seconds !== undefined && seconds !== null) data.durationSeconds = seconds;
    }
    if (event.type === 'ended') {
      data.cause = state.cause;
      data.durationSeconds = Math.round((happened.getTime() - state.startedAt.getTime()) / 1000);
      data.reachedHuman = state.firstHuman !== null;
    }
    if (event.type === 'transcript') data.segments = event.transcript?.segments.length ?? 0;
    if (event.callback) data.callback = { window: event.callback.window };
    const outcome = outcomes.get(key);
    if (outcome) Object.assign(data, outcome);
    return { at, data };
  });
}
