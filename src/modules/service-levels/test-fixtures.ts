import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { EventType } from '../../platform/events/define-events.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import { inWorkspace, type WorkContext } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';

export type ShownTarget = {
  kind: string;
  status: string;
  dueAt: string | null;
  startedAt: string;
  remainingSeconds: number | null;
};
export type ShownSla = { policyId: string | null; targets: ShownTarget[] } | null;

export const officeWeek = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({
  day,
  from: '09:00',
  to: '17:00',
}));
export const everyHour = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
  day,
  from: '00:00',
  to: '24:00',
}));

/**
 * A workspace with a customer, and ways to set policies, open conversations and read their
 * clocks. `settle` delivers what the outbox holds to the listeners, as a worker would.
 */
export async function slaDesk(t: TestApp, name?: string, deliver?: () => Promise<void>) {
  const ws = await t.workspace(name);
  const api = t.as(ws.apiKey);
  const desk = helpDesk(api);
  const customer = await desk.customer();
  const settle = deliver ?? (async () => t.background!.dispatcher.drain());
  const scoped = <T>(work: (ctx: WorkContext) => Promise<T>) =>
    inWorkspace(t.deps, systemScope(ws.workspaceId), work);
  return {
    ...ws,
    api,
    desk,
    customerId: customer.id,
    settle,
    scoped,
    async policy(body: Record<string, unknown>) {
      const res = await api.post('/sla-policies', body);
      expect(res.status, res.text).toBe(201);
      return res.json as { id: string };
    },
    async calendar(body: Record<string, unknown>) {
      const res = await api.post('/calendars', { name: `Hours ${Math.random()}`, timezone: 'UTC', ...body });
      expect(res.status, res.text).toBe(201);
      return res.json as { id: string; timezone: string; hours: any[]; holidays: any[] };
    },
    /** A customer's conversation, with its first events delivered. */
    async open(options: { teamId?: string; channel?: string; text?: string } = {}) {
      const c = await desk.conversation({
        customerId: customer.id,
        text: options.text ?? 'Hello?',
        ...options,
      });
      await settle();
      return c.id;
    },
    async transfer(conversationId: string, teamId: string) {
      const res = await api.post(`/conversations/${conversationId}/transfer`, { teamId, note: 'Yours now' });
      expect(res.status, res.text).toBe(200);
      await settle();
      return conversationId;
    },
    async sla(conversationId: string) {
      const res = await api.get(`/conversations/${conversationId}`);
      expect(res.status, res.text).toBe(200);
      return res.json.sla as ShownSla;
    },
    async target(conversationId: string, kind: string) {
      const sla = await this.sla(conversationId);
      return sla?.targets.find((x) => x.kind === kind);
    },
  };
}

/** The payloads of one event type written for one conversation, oldest first. */
export async function eventsOf(t: TestApp, type: EventType, conversationId: string) {
  const rows = await t.handle.db
    .select({ data: eventOutbox.data })
    .from(eventOutbox)
    .where(and(eq(eventOutbox.type, type), sql`${eventOutbox.data}->>'conversationId' = ${conversationId}`))
    .orderBy(eventOutbox.id);
  return rows.map((r) => r.data as Record<string, unknown>);
}

export const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
