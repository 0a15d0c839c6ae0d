import { z } from 'zod';
import { eventSchema } from './define-events.js';

// Checked where the event is emitted, inside the transaction: a payload that does not match its
// declaration fails the request that made it, instead of every listener later, one by one.
// `known`: only the fields given are checked (a write that fills in the rest itself, see
// commitWith); the declaration's other fields may be absent.
export function validatePayload(type: string, data: unknown, known = false): unknown {
  const declared = eventSchema(type);
  if (!declared) throw new Error(`Event "${type}" is emitted but no module declares it with defineEvents()`);
  const schema = known ? partialSchema(type, declared) : declared;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
    throw new Error(`Event "${type}" has an invalid payload: ${issues.join('; ')}`);
  }
  return parsed.data;
}

const partials = new Map<string, z.ZodType>();
function partialSchema(type: string, declared: z.ZodType): z.ZodType {
  let partial = partials.get(type);
  if (!partial) {
    if (!(declared instanceof z.ZodObject)) throw new Error(`Event "${type}" is not declared as an object`);
    partials.set(type, (partial = declared.partial()));
  }
  return partial;
}
