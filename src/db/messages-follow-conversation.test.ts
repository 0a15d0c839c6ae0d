import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

// Messages have no foreign key to their conversation (migration 0025): a trigger deletes them
// with it, as the key's ON DELETE CASCADE did, and leaves every other conversation's alone.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close(), 60_000);

it("deletes a conversation's messages with the conversation, and no others", async () => {
  const api = t.as((await t.workspace('Cascade')).apiKey);
  const customer = await api.post('/customers', { name: 'Ada' });
  expect(customer.status, customer.text).toBe(201);
  const conversation = async () => {
    const res = await api.post('/conversations', {
      customerId: customer.json.id,
      channel: 'chat',
      message: { text: 'Where is my order?' },
    });
    expect(res.status, res.text).toBe(201);
    const reply = await api.post(`/conversations/${res.json.id}/messages`, {
      role: 'agent',
      text: 'Looking.',
    });
    expect(reply.status, reply.text).toBe(201);
    return res.json.id as string;
  };
  const [gone, kept] = [await conversation(), await conversation()];
  const count = async (id: string) => {
    const { rows } = (await t.handle.db.execute(
      sql`SELECT count(*)::int AS n FROM messages WHERE conversation_id = ${id}`,
    )) as unknown as { rows: { n: number }[] };
    return rows[0]!.n;
  };
  expect([await count(gone), await count(kept)]).toEqual([2, 2]);

  await t.handle.db.execute(sql`DELETE FROM conversations WHERE id = ${gone}`);
  expect([await count(gone), await count(kept)]).toEqual([0, 2]);
});
