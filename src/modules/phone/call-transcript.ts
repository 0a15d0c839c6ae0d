import type { Transcript } from '../../engine/quality/formats.js';
import type { CallTurn } from '../quality/index.js';
import type { CallState } from './derive-call.js';

const iso = (ms: number) => new Date(ms).toISOString();

/*
 * A call's transcript in the transcript format (docs/transcript-format.md): the segments as turns
 * timed from the call's start, and the call's own steps as events — each hold with how long it
 * lasted, each transfer (warm when a handover note went with it), each IVR step, the IVR
 * verification — so the engine's long-hold and multiple-transfer flags read the real call.
 */
export function callTranscript(
  callId: string,
  state: CallState,
  caller: string | null,
  verifiedAt: Date | null,
): Transcript {
  const start = state.startedAt.getTime();
  const segments = [...(state.transcript?.event.transcript?.segments ?? [])].sort(
    (a, b) => (a.start ?? 0) - (b.start ?? 0),
  );
  const turns = segments.map((s) => ({
    role: s.speaker,
    text: s.text,
    // A segment without its own time is placed at the call's start.
    at: iso(start + (s.start ?? 0) * 1000),
    ...(s.speaker === 'agent' && state.firstHuman ? { agent: state.firstHuman.agentId } : {}),
  }));
  const events: NonNullable<Transcript['events']> = [
    ...state.holds.map((h) => ({
      type: 'hold' as const,
      at: iso(h.at.getTime()),
      ...(h.seconds !== null ? { durationSeconds: h.seconds } : {}),
    })),
    ...state.transfers.map((t) => ({
      type: 'transfer' as const,
      at: iso(t.at.getTime()),
      ...(t.note ? { note: t.note, warm: true } : {}),
    })),
    ...state.ivr.map((e) => ({ type: 'ivr' as const, at: iso(e.at.getTime()) })),
    ...(verifiedAt ? [{ type: 'verified' as const, at: iso(verifiedAt.getTime()), method: 'IVR' }] : []),
  ];
  return {
    id: callId,
    channel: 'phone',
    customer: {
      ...(caller ? { known: { phone: caller } } : {}),
      verified: verifiedAt !== null && verifiedAt.getTime() <= start + (segments[0]?.start ?? 0) * 1000,
    },
    turns,
    events,
  } as Transcript;
}

/** What was said on the call, for the quality engine to judge with the conversation's messages. */
export const callTurns = (transcript: Transcript): CallTurn[] =>
  transcript.turns.flatMap((t) =>
    t.role === 'customer' || t.role === 'agent'
      ? [
          {
            role: t.role,
            text: t.text,
            at: new Date(t.at!).toISOString(),
            ...(t.agent ? { agent: t.agent } : {}),
          },
        ]
      : [],
  );
