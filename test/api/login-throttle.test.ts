import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../src/platform/access/secrets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Counts the argon2 verifications, to show a throttled guess costs none.
vi.mock('../../src/platform/access/secrets.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/platform/access/secrets.js')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

// The limits of src/modules/identity/login-throttle.ts.
const ACCOUNT_LIMIT = 10;
const SOURCE_LIMIT = 50;

let t: TestApp;
let ws: Awaited<ReturnType<TestApp['workspace']>>;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  ws = await t.workspace('Throttled');
});
afterAll(() => t.close());

const login = (email: string, password: string, from: string) =>
  t.request('POST', '/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });

describe('login throttling', () => {
  it('answers 429 with Retry-After after too many wrong passwords for one account, without hashing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await login(ws.email, `wrong password ${i}`, `10.0.0.${i}`)).status);
    expect(statuses.slice(0, ACCOUNT_LIMIT).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(ACCOUNT_LIMIT).every((s) => s === 429)).toBe(true);

    const hashes = vi.mocked(verifyPassword).mock.calls.length;
    const blocked = await login(ws.email, ws.password, '10.0.1.1');
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('TOO_MANY_REQUESTS');
    const wait = Number(blocked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBe(hashes);
  });

  it('answers 429 to one address guessing across many accounts, and not to another address', async () => {
    const from = '192.0.2.7, 10.1.1.1';
    for (let i = 0; i < SOURCE_LIMIT; i++) {
      expect((await login(`nobody${i}@throttled.test`, 'wrong password', from)).status).toBe(401);
    }
    const blocked = await login('someone-else@throttled.test', 'wrong password', from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The proxy appended the last address; the one before it is the client's say-so.
    expect((await login('someone-else@throttled.test', 'wrong password', '192.0.2.7, 10.1.1.2')).status).toBe(
      401,
    );
  });

  it('a right password clears the account count', async () => {
    const other = await t.workspace('Careful');
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) {
      expect((await login(other.email, 'wrong password', '10.2.0.1')).status).toBe(401);
    }
    expect((await login(other.email, other.password, '10.2.0.1')).status).toBe(200);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect((await login(other.email, 'wrong password', '10.2.0.1')).status).toBe(401);
    }
  });
});
