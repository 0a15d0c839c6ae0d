import { AppError } from '../../platform/errors.js';
import type { requestVias } from './schema.js';
import { twilioEvents } from './twilio-events.js';

/**
 * How each way in turns a stored body into call events (checked against the event schema after):
 * Earshot's own JSON, or Twilio's form, timed by its Timestamp or else when it was received.
 */
export const readRequest: Record<(typeof requestVias)[number], (body: string, receivedAt: Date) => unknown> =
  {
    events: (body) => JSON.parse(body),
    twilio: (body, receivedAt) => {
      const events = twilioEvents(new URLSearchParams(body), receivedAt);
      if (!events.length) throw new AppError('VALIDATION_FAILED', { message: 'No CallSid, From or status' });
      return events;
    },
  };
