import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

// The inbox's indexes hold the hour of the last activity, not its time (migration 0026): pages
// must still come in exact (last_activity_at, id) order, hour boundaries and ties included, and a
// message's update of its conversation must stay HOT within the hour.
let t: TestApp;
let api: ReturnType<TestApp['as']>;
type Listed = { id: string; lastActivityAt: string };

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
const hour = Date.parse('2026-03-02T10:00:00.000Z');
// Each side of three hour boundaries, ties on the same millisecond (ids decide), and hours apart.
const offsets = [-7_200_000, -1, -1, 0, 0, 0, 1, 1_800_000, 3_599_999, 3_600_000, 3_600_001, 18_000_000];
const statuses = ['open', 'open', 'pending', 'open', 'resolved', 'open', 'open', 'pending', 'open', 'open'];

let member: string;
let team: string;
const conversationIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  api = t.as((await t.workspace('Hours')).apiKey);
  member = (await api.get('/users')).json.data[0].id;
  team = (await api.post('/teams', { name: 'Night shift' })).json.id;
  const customer = await api.post('/customers', { name: 'Ada', identities: [] });
  for (const [i, offset] of offsets.entries()) {
    const created = await api.post('/conversations', {
      customerId: customer.json.id,
      channel: 'chat',
      message: { text: `Question ${i}` },
    });
    expect(created.status, created.text).toBe(201);
    conversationIds.push(created.json.id);
    await t.handle.db.execute(sql`
      UPDATE conversations SET last_activity_at = ${new Date(hour + offset).toISOString()}::timestamptz,
        status = ${statuses[i % statuses.length]},
        assignee_id = ${i % 3 === 0 ? null : member}, team_id = ${i % 2 === 0 ? team : null}
      WHERE id = ${created.json.id}`);
  }
}, 60_000);
afterAll(() => t?.close(), 60_000);

// Every page of a listing, `limit` at a time, through its cursors.
async function walk(query: string, limit: number): Promise<Listed[]> {
  const walked: Listed[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; json: { data: Listed[]; nextCursor: string | null } } = await api.get(
      `/conversations?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.status).toBe(200);
    walked.push(...page.json.data);
    cursor = page.json.nextCursor;
  } while (cursor);
  return walked;
}

// The order pages are defined by: newest time first, then the greater id (as PostgreSQL orders
// UUIDs: their hex text, byte by byte).
const byActivity = (a: Listed, b: Listed) =>
  Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

describe('the inbox read an hour at a time', () => {
  it.each([
    ['the whole inbox', ''],
    ['a status', '&status=open'],
    ['an assignee', () => `&assigneeId=${member}`],
    ['a team', () => `&teamId=${team}`],
    ['nobody assigned', '&unassigned=true'],
  ])('lists %s in exact activity order, page after page across hour boundaries', async (_, filter) => {
    const query = typeof filter === 'function' ? filter() : filter;
    const all = (await api.get(`/conversations?limit=200${query}`)).json.data as Listed[];
    expect(all.length).toBeGreaterThan(2);
    expect(all.map((c) => c.id)).toEqual([...all].sort(byActivity).map((c) => c.id));
    for (const limit of [1, 2, 3, 5]) {
      const walked = await walk(query, limit);
      expect(walked.map((c) => c.id)).toEqual(all.map((c) => c.id));
    }
  });

  it('keeps the conversations of one millisecond on the hour in id order across pages', async () => {
    const onTheHour = (await walk('', 1)).filter((c) => Date.parse(c.lastActivityAt) === hour);
    expect(onTheHour).toHaveLength(3);
    expect(onTheHour.map((c) => c.id)).toEqual(
      onTheHour
        .map((c) => c.id)
        .sort()
        .reverse(),
    );
  });

  it('keeps the hour of the last activity, and does not show it', async () => {
    const [row] = rows<{ at: Date | string; hour: Date | string }>(
      await t.handle.db.execute(
        sql`SELECT last_activity_at AS at, activity_hour AS hour FROM conversations WHERE id = ${conversationIds[8]}`,
      ),
    );
    expect(new Date(row!.at).toISOString()).toBe('2026-03-02T10:59:59.999Z');
    expect(new Date(row!.hour).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    const shown = await api.get(`/conversations/${conversationIds[8]}`);
    expect(shown.json).not.toHaveProperty('activityHour');
    expect((await api.get('/conversations?limit=1')).json.data[0]).not.toHaveProperty('activityHour');
  });

  it('updates a conversation as a message does without touching an index, unless the hour changes', async () => {
    const id = conversationIds[7]!;
    // What the message statement writes (add-message.ts): counters, reply and waiting times, and
    // the last activity. PostgreSQL's counts for this connection's transactions not yet reported
    // to its statistics, before and after.
    const counted = async (tx: Parameters<Parameters<typeof t.handle.db.transaction>[0]>[0]) =>
      rows<{ updated: number; hot: number }>(
        await tx.execute(sql`
          SELECT pg_stat_get_xact_tuples_updated('conversations'::regclass)::int AS updated,
            pg_stat_get_xact_tuples_hot_updated('conversations'::regclass)::int AS hot`),
      )[0]!;
    const update = (at: string) =>
      t.handle.db.transaction(async (tx) => {
        const before = await counted(tx);
        await tx.execute(sql`
          UPDATE conversations SET message_count = message_count + 1, last_activity_at = ${at}::timestamptz,
            first_human_reply_at = coalesce(first_human_reply_at, ${at}::timestamptz),
            last_human_reply_at = ${at}::timestamptz, customer_waiting_since = NULL
          WHERE id = ${id}`);
        const after = await counted(tx);
        return { updated: after.updated - before.updated, hot: after.hot - before.hot };
      });
    expect(await update('2026-03-02T10:45:00.000Z')).toEqual({ updated: 1, hot: 1 });
    expect(await update('2026-03-02T11:00:00.000Z')).toEqual({ updated: 1, hot: 0 });
  });
});
