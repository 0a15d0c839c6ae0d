import { eventSchema } from './define-events.js';

// Checked where the event is emitted, inside the transaction: a payload that does not match its
// declaration fails the request that made it, instead of every listener later, one by one.
export function validatePayload(type: string, data: unknown): unknown {
  const schema = eventSchema(type);
  if (!schema) throw new Error(`Event "${type}" is emitted but no module declares it with defineEvents()`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
    throw new Error(`Event "${type}" has an invalid payload: ${issues.join('; ')}`);
  }
  return parsed.data;
}
