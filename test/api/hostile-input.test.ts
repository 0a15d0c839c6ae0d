import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Inputs that once answered 500: each must be a 4xx problem, and must leave the workspace readable.
let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  key = (await t.workspace()).apiKey;
});
afterAll(() => t.close());

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function expect4xx(res: { status: number; json: any; text: string }, status = 400) {
  expect(res.status, res.text).toBe(status);
  expect(res.json?.code, res.text).toEqual(expect.any(String));
}

describe('hostile input', () => {
  it('a NUL byte in a body string or a query is a 400', async () => {
    expect4xx(await t.request('POST', '/customers', { key, raw: '{"name":"a\\u0000b"}' }));
    expect4xx(
      await t.request('POST', '/customers', { key, raw: '{"name":"Ann","attributes":{"k\\u0000":"v"}}' }),
    );
    expect4xx(
      await t.request('POST', '/customers', { key, raw: '{"name":"Ann","attributes":{"k":"v\\u0000"}}' }),
    );
    expect4xx(await t.request('GET', '/customers?q=%00', { key }));
    expect4xx(await t.request('GET', '/customers?identity=a%00b', { key }));
    expect4xx(await t.request('POST', '/teams', { key, raw: '{"name":"a\\u0000b"}' }));
  });

  it('a lone surrogate in a JSON string is a 400', async () => {
    expect4xx(await t.request('POST', '/customers', { key, raw: '{"name":"a\\ud800b"}' }));
    expect4xx(await t.request('POST', '/teams', { key, raw: '{"name":"\\udc00"}' }));
  });

  it('a well-formed cursor with a bad id or an out-of-range date is a 400', async () => {
    const badId = cursorOf({ at: '2024-01-01T00:00:00.000Z', id: 'not-a-uuid' });
    expect4xx(await t.request('GET', `/customers?cursor=${badId}`, { key }));
    const farDate = cursorOf({
      at: '+275760-09-13T00:00:00.000Z',
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect4xx(await t.request('GET', `/conversations?cursor=${farDate}`, { key }));
    const yearZero = cursorOf({ at: '0000-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' });
    expect4xx(await t.request('GET', `/quality/coaching-tasks?cursor=${yearZero}`, { key }));
  });

  it('year-0000 and out-of-range dates are 400s', async () => {
    expect4xx(
      await t.request('POST', '/customers', {
        key,
        body: { name: 'Ann', customerSince: '0000-01-01T00:00:00Z' },
      }),
    );
    expect4xx(await t.request('GET', '/quality/scorecards?from=0000-01-01T00:00:00Z', { key }));
    expect4xx(await t.request('GET', '/quality/scorecards?to=99999-01-01T00:00:00Z', { key }));
  });

  it('every PATCH needs at least one field', async () => {
    expect4xx(await t.request('PATCH', '/workspace', { key, body: {} }));
    const c = await t.request('POST', '/customers', { key, body: { name: 'Ann' } });
    expect4xx(await t.request('PATCH', `/customers/${c.json.id}`, { key, body: {} }));
  });

  it('money is capped at the boundary', async () => {
    expect4xx(
      await t.request('POST', '/customers', {
        key,
        body: { name: 'Rich', lifetimeValueCents: Number.MAX_SAFE_INTEGER },
      }),
    );
  });

  it('merging two customers whose lifetime values overflow is refused and breaks nothing', async () => {
    const big = 90_000_000_000_000;
    const a = await t.request('POST', '/customers', { key, body: { name: 'A', lifetimeValueCents: big } });
    const b = await t.request('POST', '/customers', { key, body: { name: 'B', lifetimeValueCents: big } });
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    const merged = await t.request('POST', `/customers/${a.json.id}/merge`, {
      key,
      body: { sourceId: b.json.id },
    });
    expect4xx(merged, 409);
    const list = await t.request('GET', '/customers', { key });
    expect(list.status, list.text).toBe(200);
    const after = await t.request('GET', `/customers/${a.json.id}`, { key });
    expect(after.json.lifetimeValueCents).toBe(big);
  });

  it('concurrent POST /users with one new email is one 201 and 409s, never a 500', async () => {
    const email = `race-${Date.now()}@example.test`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.request('POST', '/users', { key, body: { email, role: 'agent' } })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses, answers.map((r) => r.text).join('\n')).toEqual([201, 409, 409, 409]);
  });
});
