import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { sweepPromises } from './sweep-promises-job.js';
import { eventsOf, inHours, promiseDesk } from './test-fixtures.js';

let t: TestApp;
let d: Awaited<ReturnType<typeof promiseDesk>>;

beforeAll(async () => {
  t = await createTestApp();
  d = await promiseDesk(t, 'Callbacks');
}, 60_000);
afterAll(async () => t?.close(), 60_000);

const window = (fromHours = 1, toHours = 2) => ({ from: inHours(fromHours), to: inHours(toHours) });

async function callback(conversationId: string, body: Record<string, unknown>) {
  return d.api.post(`/conversations/${conversationId}/callback`, { window: window(), ...body });
}

async function attempt(id: string, outcome: string) {
  const res = await d.api.post(`/promises/${id}/attempts`, { outcome });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

describe('callbacks', () => {
  it('keeps a waiting conversation in its place in the queue', async () => {
    const team = await d.desk.team('Phones', [d.ownerId]);
    expect((await d.api.patch(`/teams/${team.id}`, { autoAssign: true })).status).toBe(200);
    const customer = await d.desk.customer();
    const first = await d.desk.conversation({ customerId: customer.id, teamId: team.id, text: 'On hold 1' });
    const caller = await d.desk.conversation({ customerId: customer.id, teamId: team.id, text: 'On hold 2' });
    const before = (await d.api.get(`/conversations/${caller.id}`)).json.routing;
    expect(before).toMatchObject({ state: 'queued', position: 2 });

    const res = await callback(caller.id, { phone: '+44 20 7946 0958', ownerId: d.ownerId });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      type: 'callback',
      status: 'open',
      ownerId: d.ownerId,
      callback: { phone: '+442079460958', maxAttempts: 3, attempts: 0 },
    });
    expect(res.json.terms).toContain('+44 20 7946 0958');
    const after = (await d.api.get(`/conversations/${caller.id}`)).json.routing;
    expect(after).toEqual(before);
    expect((await d.api.get(`/conversations/${first.id}`)).json.routing).toMatchObject({ position: 1 });
  });

  it('is owned by the assignee, else by the member asking', async () => {
    const assigned = await d.desk.conversation({
      customerId: (await d.desk.customer()).id,
      text: 'Call me',
      assigneeId: d.ownerId,
    });
    const res = await callback(assigned.id, { phone: '+1 415 555 2671' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.ownerId).toBe(d.ownerId);

    // No assignee and no one named: the member asking (here, the key's owner) calls back.
    const asked = await callback(d.conversationId, { phone: '+1 415 555 2671' });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.json.ownerId).toBe(d.userId);
  });

  it('refuses a number that is not one, and a window that ends before it starts', async () => {
    const bad = await callback(d.conversationId, { phone: 'call me maybe', ownerId: d.ownerId });
    expect(bad.status).toBe(400);
    expect(bad.json.invalid_params).toEqual([expect.objectContaining({ name: 'phone' })]);
    const backwards = await callback(d.conversationId, {
      phone: '+1 415 555 2671',
      ownerId: d.ownerId,
      window: window(3, 2),
    });
    expect(backwards.status).toBe(400);
  });

  it('is kept when a try reaches the customer, and every try is listed', async () => {
    const p = (await callback(d.conversationId, { phone: '+1 415 555 2671', ownerId: d.ownerId })).json;
    expect(await attempt(p.id, 'no_answer')).toMatchObject({ status: 'open', callback: { attempts: 1 } });
    expect(await attempt(p.id, 'reached')).toMatchObject({ status: 'kept', closedBy: 'member' });
    const tries = (await d.api.get(`/promises/${p.id}/attempts`)).json.data;
    expect(tries.map((a: { outcome: string }) => a.outcome)).toEqual(['no_answer', 'reached']);
    expect(await eventsOf(t, 'promise.callback_attempted', p.id)).toEqual([
      expect.objectContaining({ outcome: 'no_answer', attempt: 1 }),
      expect.objectContaining({ outcome: 'reached', attempt: 2 }),
    ]);
    // Closed: no more tries.
    expect((await d.api.post(`/promises/${p.id}/attempts`, { outcome: 'busy' })).status).toBe(409);
  });

  it('is broken when the last allowed try fails', async () => {
    const p = (
      await callback(d.conversationId, { phone: '+1 415 555 2671', ownerId: d.ownerId, maxAttempts: 2 })
    ).json;
    await attempt(p.id, 'busy');
    expect(await attempt(p.id, 'voicemail')).toMatchObject({ status: 'broken', closedBy: 'system' });
    expect(await eventsOf(t, 'promise.broken', p.id)).toHaveLength(1);
  });

  it('is broken when its window passes with no one reached', async () => {
    const p = (await callback(d.conversationId, { phone: '+1 415 555 2671', ownerId: d.ownerId })).json;
    await attempt(p.id, 'no_answer');
    await sweepPromises(t.deps, new Date(Date.now() + 3 * 3_600_000));
    expect((await d.api.get(`/promises/${p.id}`)).json).toMatchObject({
      status: 'broken',
      callback: { attempts: 1 },
    });
  });

  it('counts tries only on callbacks', async () => {
    const followUp = await d.promise();
    const res = await d.api.post(`/promises/${followUp.id}/attempts`, { outcome: 'reached' });
    expect(res.status).toBe(400);
  });
});
