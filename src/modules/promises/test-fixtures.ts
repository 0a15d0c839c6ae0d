import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import type { EventType } from '../../platform/events/define-events.js';

export const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A workspace with an agent and a conversation, and a way to make promises in it. */
export async function promiseDesk(t: TestApp, name: string) {
  const ws = await t.workspace(name);
  const api = t.as(ws.apiKey);
  const desk = helpDesk(api);
  const ownerId = (await desk.member('agent', 'Avery Agent')).id;
  const customer = await desk.customer();
  const conversationId = (await desk.conversation({ customerId: customer.id, text: 'Can you send a quote?' }))
    .id;
  const promise = async (fields: Record<string, unknown> = {}) => {
    const res = await api.post('/promises', {
      conversationId,
      type: 'follow_up',
      ownerId,
      dueAt: inHours(24),
      terms: 'We will email the corrected invoice.',
      ...fields,
    });
    expect(res.status, res.text).toBe(201);
    return res.json;
  };
  return { ...ws, api, desk, ownerId, conversationId, promise };
}

/** The payloads of one event type written for one promise, oldest first. */
export async function eventsOf(t: TestApp, type: EventType, promiseId: string) {
  const rows = await t.handle.db
    .select({ data: eventOutbox.data })
    .from(eventOutbox)
    .where(and(eq(eventOutbox.type, type), sql`${eventOutbox.data}->>'promiseId' = ${promiseId}`))
    .orderBy(eventOutbox.id);
  return rows.map((r) => r.data as Record<string, unknown>);
}
