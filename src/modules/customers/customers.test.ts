import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let api: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  api = t.as((await t.workspace()).apiKey);
});
afterAll(() => t.close());

describe('customers', () => {
  it('normalises identities and finds the customer by any of them, in any spelling', async () => {
    const res = await api.post('/customers', {
      name: 'Priya Natarajan',
      identities: [
        { type: 'email', value: 'Priya.N@Example.com' },
        { type: 'phone', value: '+44 20 7946 0958' },
        { type: 'account', value: 'AC 1029-44' },
        { type: 'social', value: '@PriyaN' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.json.identities.map((i: { value: string }) => i.value).sort()).toEqual([
      '+442079460958',
      'ac102944',
      'priya.n@example.com',
      'priyan',
    ]);
    for (const q of ['priya.n@example.com', '+442079460958', '+44 (0)20 7946 0958', 'ac1029-44', '@priyan']) {
      const found = await api.get(`/customers?identity=${encodeURIComponent(q)}`);
      expect(
        found.json.data.map((c: { id: string }) => c.id),
        q,
      ).toEqual([res.json.id]);
    }
    const byName = await api.get('/customers?q=natarajan');
    expect(byName.json.data[0].id).toBe(res.json.id);
  });

  it('refuses an identity that belongs to someone else and names it', async () => {
    await api.post('/customers', {
      name: 'First',
      identities: [{ type: 'email', value: 'shared@example.com' }],
    });
    const res = await api.post('/customers', {
      name: 'Second',
      identities: [{ type: 'email', value: 'SHARED@example.com' }],
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('IDENTITY_TAKEN');
    expect(res.json.invalid_params[0].name).toBe('identities.0.value');
    const search = await api.get('/customers?q=Second');
    expect(search.json.data).toEqual([]);
  });

  it('tracks lifecycle: lost with a date, active again clears it', async () => {
    const c = await api.post('/customers', { name: 'Leaving Lee', lifetimeValueCents: 120_000 });
    const lost = await api.patch(`/customers/${c.json.id}`, {
      lifecycleStatus: 'lost',
      attributes: { plan: 'pro' },
    });
    expect(lost.json.lifecycleStatus).toBe('lost');
    expect(lost.json.lostAt).not.toBeNull();
    const back = await api.patch(`/customers/${c.json.id}`, {
      lifecycleStatus: 'active',
      attributes: { plan: null, region: 'EU' },
    });
    expect(back.json.lostAt).toBeNull();
    expect(back.json.attributes).toEqual({ region: 'EU' });
  });

  it('merges a duplicate: identities, conversations and history move, and the merge is on both profiles', async () => {
    const keep = await api.post('/customers', {
      name: 'Sam Okafor',
      lifetimeValueCents: 5_000,
      identities: [{ type: 'email', value: 'sam@okafor.test' }],
    });
    const dup = await api.post('/customers', {
      name: 'S. Okafor',
      lifetimeValueCents: 2_500,
      identities: [{ type: 'phone', value: '+1 415 555 0100' }],
    });
    const conv = await api.post('/conversations', {
      customerId: dup.json.id,
      channel: 'phone',
      message: { text: 'Calling about my bill' },
    });
    await api.post('/conversations', {
      customerId: keep.json.id,
      channel: 'email',
      message: { text: 'Where is my refund?' },
    });
    expect((await api.get(`/customers/${keep.json.id}`)).json.conversationCount).toBe(1);

    const merged = await api.post(`/customers/${keep.json.id}/merge`, { sourceId: dup.json.id });
    expect(merged.status).toBe(200);
    expect(merged.json.identities.map((i: { type: string }) => i.type).sort()).toEqual(['email', 'phone']);
    expect(merged.json.conversationCount).toBe(2);
    expect(merged.json.lifetimeValueCents).toBe(7_500);
    expect(merged.json.history[0]).toMatchObject({
      action: 'customer.merged_in',
      data: { sourceId: dup.json.id },
    });

    const byPhone = await api.get(`/customers?identity=${encodeURIComponent('+14155550100')}`);
    expect(byPhone.json.data.map((c: { id: string }) => c.id)).toEqual([keep.json.id]);
    const moved = await api.get(`/conversations/${conv.json.id}`);
    expect(moved.json.customerId).toBe(keep.json.id);
    expect(moved.json.timeline.at(-1)).toMatchObject({ type: 'customer_merged' });
    const old = await api.get(`/customers/${dup.json.id}`);
    expect(old.json.mergedIntoId).toBe(keep.json.id);
    expect(old.json.conversationCount).toBe(0);
    expect(old.json.history[0].action).toBe('customer.merged_away');
    const again = await api.post(`/customers/${keep.json.id}/merge`, { sourceId: dup.json.id });
    expect(again.status).toBe(409);
  });
});
