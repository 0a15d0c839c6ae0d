import type { CallEvent } from './call-event.js';

/*
 * Twilio's voice status callback (form-encoded) as Earshot's call events. Twilio answers calls
 * with its own application, never a person, so `in-progress` is an `answered` without an agent:
 * it does not end the caller's wait for a human. The end causes are Twilio's statuses.
 */
const ended = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

export function twilioEvents(params: URLSearchParams, receivedAt: Date): CallEvent[] {
  const callId = params.get('CallSid');
  const status = params.get('CallStatus');
  const from = params.get('From') || params.get('Caller');
  if (!callId || !from) return [];
  const timestamp = Date.parse(params.get('Timestamp') ?? '');
  const at = new Date(Number.isNaN(timestamp) ? receivedAt.getTime() : timestamp).toISOString();
  const base = { callId, at, from, ...(params.get('To') ? { to: params.get('To')! } : {}) };
  // Twilio numbers the callbacks of a call; without a number the status is the event.
  const sequence = params.get('SequenceNumber');
  const id = (kind: string) => `twilio:${sequence ?? status ?? ''}:${kind}`;
  const events: CallEvent[] = [];
  if (status === 'queued' || status === 'ringing' || status === 'initiated') {
    events.push({ ...base, type: 'started', eventId: `twilio:started` });
  } else if (status === 'in-progress') {
    events.push({ ...base, type: 'answered', eventId: `twilio:answered` });
  } else if (status && ended.has(status)) {
    events.push({ ...base, type: 'ended', cause: status, eventId: `twilio:ended` });
  }
  const digits = params.get('Digits');
  if (digits) events.push({ ...base, type: 'ivr', digits, eventId: id(`digits:${digits}`) });
  const recording = params.get('RecordingUrl');
  if (recording && /^https?:\/\//.test(recording)) {
    events.push({ ...base, type: 'recording', recordingUrl: recording, eventId: id('recording') });
  }
  return events;
}
