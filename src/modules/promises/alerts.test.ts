import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { alertSupervisor } from './alert-supervisor.js';
import { sweepPromises } from './sweep-promises-job.js';
import { eventsOf, inHours, promiseDesk } from './test-fixtures.js';
import { toDomainEvent } from '../../platform/events/to-domain-event.js';
import { eventOutbox } from '../../platform/events/outbox-table.js';
import { and, eq, sql } from 'drizzle-orm';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
}, 60_000);
afterAll(async () => t?.close(), 60_000);

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000);
const password = 'a long supervisor passphrase';

/** A desk whose promise owner is in a team led by a supervisor who can sign in. */
async function supervisedDesk(name: string) {
  const d = await promiseDesk(t, name);
  const email = `lead-${Date.now()}-${Math.random()}@example.test`;
  const lead = await d.api.post('/users', { email, name: 'Sam Supervisor', role: 'supervisor', password });
  expect(lead.status, lead.text).toBe(201);
  // Another supervisor, outside the owner's team, who must not be picked.
  await d.desk.member('supervisor', 'Other Lead');
  await d.desk.team('Billing', [d.ownerId, lead.json.id]);
  const login = await t.request('POST', '/auth/login', { body: { email, password } });
  expect(login.status, login.text).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const asLead = (path: string) => t.request('GET', path, { cookie });
  return { ...d, leadId: lead.json.id as string, asLead };
}

async function brokenEvent(promiseId: string) {
  const [row] = await t.handle.db
    .select()
    .from(eventOutbox)
    .where(
      and(eq(eventOutbox.type, 'promise.broken'), sql`${eventOutbox.data}->>'promiseId' = ${promiseId}`),
    );
  return toDomainEvent(row!);
}

describe('a broken promise', () => {
  it("alerts the owner's supervisor and proposes an unsent apology to the customer, once", async () => {
    const d = await supervisedDesk('Broken');
    const p = await d.promise({ type: 'callback', dueAt: inHours(2), terms: 'Call about the refund' });
    expect((await d.asLead('/alerts')).json.data).toEqual([]);
    await sweepPromises(t.deps, hoursFromNow(2.5));
    expect(await eventsOf(t, 'promise.broken', p.id)).toHaveLength(1);
    await t.background!.dispatcher.drain();
    // Delivered again (at least once): nothing twice.
    await alertSupervisor.handle(await brokenEvent(p.id), { ...t.deps, jobs: t.background!.queue });

    const alerts = await d.asLead('/alerts');
    expect(alerts.status, alerts.text).toBe(200);
    expect(alerts.json.data).toHaveLength(1);
    const [alert] = alerts.json.data;
    expect(alert).toMatchObject({
      kind: 'promise_broken',
      recipientId: d.leadId,
      promise: { id: p.id, status: 'broken', reference: p.reference, ownerId: d.ownerId },
    });
    // The owner's own key (an owner, not the recipient) sees it by recipient, and not by default.
    expect((await d.api.get(`/alerts?recipientId=${d.leadId}`)).json.data).toHaveLength(1);
    expect((await d.api.get('/alerts')).json.data).toEqual([]);

    const conversation = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    const drafts = conversation.messages.filter((m: { proposal?: unknown }) => m.proposal);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      id: alert.proposedMessageId,
      internal: true,
      authorId: null,
      proposal: { kind: 'apology', promiseId: p.id },
    });
    expect(drafts[0].text).toContain(p.reference);
    // A draft: no reply went out, and the customer is still waiting for a human.
    expect(conversation.lastHumanReplyAt).toBeNull();
    expect(conversation.customerWaitingSince).not.toBeNull();
  });

  it('is shown to nobody else: agents are refused, other workspaces see none', async () => {
    const d = await supervisedDesk('Private');
    const p = await d.promise({ dueAt: inHours(2) });
    await sweepPromises(t.deps, hoursFromNow(2.5));
    await t.background!.dispatcher.drain();
    expect(
      (await d.asLead('/alerts')).json.data.map((a: { promise: { id: string } }) => a.promise.id),
    ).toEqual([p.id]);
    const agentKey = await d.api.post('/api-keys', { name: 'Agent', role: 'agent' });
    expect((await t.as(agentKey.json.key).get('/alerts')).status).toBe(403);
    const other = t.as((await t.workspace('Elsewhere')).apiKey);
    expect((await other.get(`/alerts?recipientId=${d.leadId}`)).json.data).toEqual([]);
    expect((await other.get('/alerts')).json.data).toEqual([]);
    expect((await d.api.get('/alerts?recipientId=nope')).status).toBe(400);
  });

  it('goes to the desk leads when no one is above the owner', async () => {
    const d = await promiseDesk(t, 'Flat');
    const p = await d.promise({ dueAt: inHours(2) });
    await sweepPromises(t.deps, hoursFromNow(2.5));
    await t.background!.dispatcher.drain();
    // The workspace's owner leads the desk: it is addressed to them.
    const mine = (await d.api.get('/alerts')).json.data;
    expect(mine.map((a: { promise: { id: string } }) => a.promise.id)).toEqual([p.id]);
    expect(mine[0].recipientId).not.toBe(d.ownerId);
  });
});

describe('the reminder', () => {
  it("comes an hour of the desk's working time before the due time, not in the night", async () => {
    const d = await promiseDesk(t, 'Hours');
    const calendar = await d.api.post('/calendars', {
      name: 'Office',
      timezone: 'UTC',
      hours: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, from: '09:00', to: '17:00' })),
    });
    expect(calendar.status, calendar.text).toBe(201);
    const policy = await d.api.post('/sla-policies', {
      name: 'All',
      calendarId: calendar.json.id,
      targets: { firstHumanResponseSeconds: 3600, nextResponseSeconds: 3600, resolutionSeconds: 86_400 },
    });
    expect(policy.status, policy.text).toBe(201);
    // A Monday 09:30 at least a week ahead: reminded the Friday before at 16:30.
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() + 7 + ((8 - monday.getUTCDay()) % 7));
    monday.setUTCHours(9, 30, 0, 0);
    const p = await d.promise({ dueAt: monday.toISOString() });
    const friday = new Date(monday.getTime() - 3 * 86_400_000 + 7 * 3_600_000);
    expect(p.remindAt).toBe(friday.toISOString());
  });
});
