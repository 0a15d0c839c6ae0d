import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/test-db.js';
import { parseConfig } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { channels } from '../modules/conversations/schema.js';
import { createAppDeps } from '../app/create-app-deps.js';
import type { AppDeps } from '../platform/http/app-env.js';
import { verifyPassword } from '../platform/access/secrets.js';
import { buildConversations } from './build-conversations.js';
import { buildCustomers } from './build-customers.js';
import { loadDemo, type DemoSummary } from './load-demo.js';
import { createRandom } from './random.js';

let handle: DbHandle;
let deps: AppDeps;
let demo: DemoSummary;

beforeAll(async () => {
  handle = await openTestDb();
  deps = createAppDeps(
    parseConfig({
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 's'.repeat(40),
      EARSHOT_DATA_DIR: '/nonexistent-unused',
    }),
    handle,
  );
  demo = await loadDemo(deps);
}, 120_000);
afterAll(() => handle?.close());

// Counts as the system sees them, scoped by hand to the demo workspace.
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;

describe('the demo workspace', () => {
  it('has the people and teams of a real desk, who can sign in', async () => {
    const people = await rows<{ role: string; email: string; hash: string }>(sql`
      SELECT m.role, u.email, u.password_hash AS hash FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = ${demo.workspaceId}`);
    expect(people.length).toBeGreaterThanOrEqual(6);
    expect(people.length).toBeLessThanOrEqual(9);
    expect(people.map((p) => p.role)).toEqual(
      expect.arrayContaining(['owner', 'supervisor', 'executive', 'agent']),
    );
    const owner = people.find((p) => p.email === demo.login.email)!;
    expect(await verifyPassword(owner.hash, demo.login.password)).toBe(true);
    const teams = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM teams WHERE workspace_id = ${demo.workspaceId}`,
    );
    expect(teams.n).toBeGreaterThanOrEqual(3);
    expect(teams.n).toBeLessThanOrEqual(4);
  });

  it('has about 200 customers with identities, and lost customers with their value', async () => {
    const customers = await one<{ n: number; lost: number; lost_value: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE lifecycle_status = 'lost')::int AS lost,
             coalesce(min(lifetime_value_cents) FILTER (WHERE lifecycle_status = 'lost'), 0)::int AS lost_value
      FROM customers WHERE workspace_id = ${demo.workspaceId}`);
    expect(customers.n).toBe(200);
    expect(customers.lost).toBeGreaterThanOrEqual(3);
    expect(customers.lost_value).toBeGreaterThan(0);

    const identities = await rows<{ type: string; value: string }>(sql`
      SELECT type, value FROM customer_identities WHERE workspace_id = ${demo.workspaceId}`);
    expect(new Set(identities.map((i) => i.type))).toEqual(new Set(['email', 'phone', 'account', 'social']));
    for (const phone of identities.filter((i) => i.type === 'phone'))
      expect(phone.value).toMatch(/^\+[1-9]\d{7,14}$/);
  });

  it('has about 1,000 conversations across every channel and status, with multi-turn threads', async () => {
    const byChannel = await rows<{ channel: string }>(
      sql`SELECT DISTINCT channel FROM conversations WHERE workspace_id = ${demo.workspaceId}`,
    );
    expect(new Set(byChannel.map((r) => r.channel))).toEqual(new Set(channels));
    const statuses = await rows<{ status: string }>(
      sql`SELECT DISTINCT status FROM conversations WHERE workspace_id = ${demo.workspaceId}`,
    );
    expect(statuses.map((r) => r.status)).toEqual(
      expect.arrayContaining(['open', 'pending', 'resolved', 'closed']),
    );

    const totals = await one<{
      conversations: number;
      messages: number;
      notes: number;
      mismatched: number;
    }>(sql`
      SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = ${demo.workspaceId}) AS conversations,
             (SELECT count(*)::int FROM messages WHERE workspace_id = ${demo.workspaceId}) AS messages,
             (SELECT count(*)::int FROM messages WHERE workspace_id = ${demo.workspaceId} AND internal) AS notes,
             (SELECT count(*)::int FROM conversations c WHERE c.workspace_id = ${demo.workspaceId}
                AND c.message_count <> (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)) AS mismatched`);
    expect(totals.conversations).toBe(1000);
    expect(totals).toMatchObject({
      conversations: demo.counts.conversations,
      messages: demo.counts.messages,
      mismatched: 0,
    });
    expect(totals.messages / totals.conversations).toBeGreaterThan(4);
    expect(totals.notes).toBeGreaterThan(0);
  });

  it('has verified conversations and transfers that carry a handover note', async () => {
    const verified = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM conversations WHERE workspace_id = ${demo.workspaceId} AND verified_at IS NOT NULL AND verification_method IS NOT NULL`);
    expect(verified.n).toBeGreaterThan(0);
    const transfers = await rows<{
      data: { note: string; verified: boolean; to: { userId: string; teamId: string } };
    }>(sql`
      SELECT data FROM conversation_events WHERE workspace_id = ${demo.workspaceId} AND type = 'transferred'`);
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.every((t) => t.data.note.length > 20 && t.data.to.teamId)).toBe(true);
    expect(transfers.some((t) => t.data.verified)).toBe(true);
  });

  it('scores every finished conversation, and flags the one agent far below the team for coaching', async () => {
    const scored = await one<{ finished: number; scores: number }>(sql`
      SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = ${demo.workspaceId} AND status IN ('resolved', 'closed')) AS finished,
             (SELECT count(*)::int FROM quality_scores WHERE workspace_id = ${demo.workspaceId}) AS scores`);
    expect(scored.scores).toBe(scored.finished);
    expect(demo.counts.scored).toBe(scored.finished);

    // Judged once every score is in: the task stands on all of the agent's scored conversations.
    const tasks = await rows<{
      name: string;
      status: string;
      assignee_role: string;
      whole_period: boolean;
    }>(sql`
      SELECT u.name, t.status, m.role AS assignee_role,
             t.reason LIKE '% over ' || (SELECT count(*) FROM quality_scores s WHERE s.agent_id = t.agent_id
               AND s.scored_at >= t.period_start) || ' conversations %' AS whole_period
      FROM coaching_tasks t
      JOIN users u ON u.id = t.agent_id
      JOIN memberships m ON m.user_id = t.assignee_id AND m.workspace_id = t.workspace_id
      WHERE t.workspace_id = ${demo.workspaceId}`);
    expect(tasks).toEqual([
      {
        name: 'Luis Ortega',
        status: 'open',
        assignee_role: expect.stringMatching(/^(supervisor|owner|admin)$/),
        whole_period: true,
      },
    ]);
  });

  it('numbers conversations in time order and leaves the workspace counter after them', async () => {
    const order = await one<{ out_of_order: number; next: number; max: number }>(sql`
      SELECT (SELECT count(*)::int FROM (
                SELECT created_at < lag(created_at) OVER (ORDER BY display_id) AS bad FROM conversations WHERE workspace_id = ${demo.workspaceId}
              ) s WHERE bad) AS out_of_order,
             (SELECT next_conversation_number FROM workspaces WHERE id = ${demo.workspaceId}) AS next,
             (SELECT max(display_id) FROM conversations WHERE workspace_id = ${demo.workspaceId}) AS max`);
    expect(order.out_of_order).toBe(0);
    expect(order.next).toBe(order.max + 1);
  });

  it('can be loaded into an existing workspace, beside what is there', async () => {
    const second = await loadDemo(deps, { workspaceId: demo.workspaceId, customers: 20, conversations: 40 });
    expect(second).toMatchObject({
      workspaceId: demo.workspaceId,
      workspaceName: 'Demo',
      login: { role: 'supervisor' },
    });
    expect(second.login.email).toMatch(/@demo2\.earshot\.test$/);
    const teams = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM teams WHERE workspace_id = ${demo.workspaceId}`,
    );
    expect(teams.n).toBe(demo.counts.teams);
  });

  it('refuses a workspace that does not exist', async () => {
    await expect(
      loadDemo(deps, { workspaceId: randomUUID(), customers: 5, conversations: 5 }),
    ).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
  });
});

describe('demo text', () => {
  it('is the same for the same seed', () => {
    const compose = () => {
      const random = createRandom(42);
      const now = new Date('2026-01-15T12:00:00Z');
      const customers = buildCustomers(random, 30, 2, now);
      const agent = { userId: 'u1', name: 'Pat Doe', first: 'Pat' };
      const staffByTeam = {
        billing: [{ ...agent, team: 'billing' as const }],
        technical: [{ ...agent, team: 'technical' as const }],
        orders: [{ ...agent, team: 'orders' as const }],
        escalations: [{ userId: 'u2', name: 'Lee Roe', first: 'Lee', team: 'escalations' as const }],
      };
      const teamIds = { billing: 'b', technical: 't', orders: 'o', escalations: 'e' };
      const built = buildConversations(random, {
        workspaceId: 'w',
        customers,
        staffByTeam,
        teamIds,
        count: 60,
        firstDisplayId: 1,
        now,
      });
      return built.map((c) => [c.conversation.channel, c.conversation.status, c.messages.map((m) => m.text)]);
    };
    const first = compose();
    expect(compose()).toEqual(first);
    const texts = first.flatMap(([, , texts]) => texts as string[]);
    // Composed, not repeated: most messages differ from each other.
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.6);
    expect(texts.some((t) => /\{\w+\}/.test(t))).toBe(false);
  });
});
