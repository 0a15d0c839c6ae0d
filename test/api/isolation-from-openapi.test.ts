import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingTasks } from '../../src/modules/quality/schema.js';
import { scoreConversation } from '../../src/modules/quality/index.js';
import { processStoredDelivery } from '../../src/modules/reviews/index.js';
import { inWorkspace } from '../../src/platform/tenancy/scope.js';
import { systemScope } from '../../src/platform/tenancy/system-scope.js';
import { helpDesk } from '../support/help-desk.js';
import { composeMail, postMail } from '../support/mail.js';
import {
  operationsOf,
  resolveSchema,
  type JsonSchema,
  type OpenApiDoc,
  type Operation,
} from '../support/openapi.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Generated from the OpenAPI document, so a route added later is covered without anyone listing
// it: every route with an id in its path, called by one workspace with each of another's ids,
// answers 404 and leaves the other workspace's rows as they were; every other staff route shows
// none of the other workspace's data.
let t: TestApp;
let doc: OpenApiDoc;
let mine: string;
// Visitor routes (the chat widget's) are called with a visitor token of the same workspace.
let mineVisitor: string;
let theirsId: string;
const foreignIds: string[] = [];
const secrets = ['Secret Sam', 'sam@theirs.test', 'private matter'];

// Bodies the schema alone cannot make valid; any other route gets one built from its schema.
const bodies: Record<string, (foreignId: string) => unknown> = {
  updateCustomer: () => ({ name: 'Hijacked' }),
  transferConversation: (id) => ({ userId: id, note: 'over to you' }),
  updateWorkspace: () => ({ name: 'Renamed' }),
  updateMailbox: () => ({ name: 'Hijacked' }),
  updateMember: () => ({ capacity: { chat: 0 } }),
  updateTeam: () => ({ autoAssign: true }),
  requestCallback: () => ({
    phone: '+1 415 555 2671',
    window: {
      from: new Date(Date.now() + 3_600_000).toISOString(),
      to: new Date(Date.now() + 7_200_000).toISOString(),
    },
  }),
  updateCalendar: () => ({ name: 'Hijacked' }),
  importHolidays: () => ({ country: 'DE', year: 2026 }),
  updateSlaPolicy: () => ({ name: 'Hijacked' }),
  updateReviewSource: () => ({ name: 'Hijacked' }),
  requestVisitorCallback: () => ({ email: 'someone@mine.test' }),
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.workspace('Mine');
  const b = await t.workspace('Theirs');
  mine = a.apiKey;
  theirsId = b.workspaceId;
  secrets.push(b.email);
  const desk = helpDesk(t.as(b.apiKey));
  const customer = await desk.customer([{ type: 'email', value: 'sam@theirs.test' }]);
  await t.as(b.apiKey).patch(`/customers/${customer.id}`, { name: 'Secret Sam' });
  const agent = await desk.member('agent', 'Their agent');
  const team = await desk.team('Their team', [agent.id]);
  const conversation = await desk.conversation({
    customerId: customer.id,
    text: 'A private matter about my account.',
    assigneeId: agent.id,
  });
  await desk.say(conversation.id, 'agent', 'I am sorry, let me fix that private matter now.');
  await desk.status(conversation.id, 'resolved');
  const key = await t.as(b.apiKey).post('/api-keys', { name: 'theirs' });
  const task = await inWorkspace(t.deps, systemScope(b.workspaceId), async (work) => {
    await scoreConversation(work, conversation.id);
    const [row] = await work.tx
      .insert(coachingTasks)
      .values({
        workspaceId: b.workspaceId,
        agentId: agent.id,
        reason: 'far below the team',
        periodStart: new Date(Date.now() - 30 * 86_400_000),
        periodEnd: new Date(),
        agentAverage: 40,
        teamAverage: 80,
        conversationIds: [conversation.id],
        dueAt: new Date(Date.now() + 7 * 86_400_000),
      })
      .returning({ id: coachingTasks.id });
    return row!;
  });
  const mailbox = await t.as(b.apiKey).post('/channels/email', { address: 'help@theirs.test', name: 'Help' });
  const mail = await postMail(
    t,
    mailbox.json,
    composeMail({ from: 'sam@theirs.test', body: 'A private matter.' }),
  );
  foreignIds.push(customer.id, conversation.id, team.id, agent.id, b.userId, key.json.id, task.id);
  foreignIds.push(mailbox.json.id, mail.json.id);
  const calendar = await t.as(b.apiKey).post('/calendars', {
    name: 'Their hours',
    timezone: 'UTC',
    hours: [{ day: 'mon', from: '09:00', to: '17:00' }],
  });
  const policy = await t.as(b.apiKey).post('/sla-policies', {
    name: 'Theirs',
    targets: { resolutionSeconds: 3600 },
    calendarId: calendar.json.id,
  });
  foreignIds.push(calendar.json.id, policy.json.id);
  const reviews = await t.as(b.apiKey).post('/channels/reviews', { name: 'Their reviews', source: 'site' });
  const reviewed = await t.request('POST', `/channels/reviews/${reviews.json.id}/items`, {
    key: reviews.json.secret,
    body: [
      {
        source: 'site',
        externalId: 'theirs-1',
        author: { handle: '@secret_sam', name: 'Secret Sam' },
        rating: 1,
        text: 'A private matter, one star.',
        createdAt: new Date().toISOString(),
      },
    ],
  });
  // Read here rather than by a worker: the test app runs none.
  const read = await processStoredDelivery(t.deps, {
    workspaceId: b.workspaceId,
    deliveryId: reviewed.json.deliveryId,
  });
  foreignIds.push(reviews.json.id, reviewed.json.deliveryId, read!.results[0]!.itemId!);
  // A chat of theirs from their widget; a visitor of ours.
  const visitorOf = async (apiKey: string, name: string) => {
    const widget = await t.as(apiKey).get('/channels/widget');
    const session = await t.request('POST', '/widget/sessions', {
      body: { workspaceKey: widget.json.workspaceKey, name },
    });
    return session.json as { token: string; customerId: string };
  };
  const theirVisitor = await visitorOf(b.apiKey, 'Secret Sam');
  const chat = await t.request('POST', '/widget/conversations', {
    key: theirVisitor.token,
    body: { text: 'A private matter in the chat.', clientId: 'c1' },
  });
  foreignIds.push(theirVisitor.customerId, chat.json.id);
  mineVisitor = (await visitorOf(a.apiKey, 'Our visitor')).token;
  doc = (await t.request('GET', '/openapi.json')).json;
}, 60_000);
afterAll(() => t.close());

// Every row of every table that holds workspace data, as the database owner sees it (past
// row-level security), plus the other workspace's member accounts.
async function snapshotOfTheirs(): Promise<string> {
  const tables = await t.deps.db.execute<{ table_name: string }>(sql`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'workspace_id' ORDER BY table_name`);
  const parts: string[] = [];
  for (const { table_name } of (tables as unknown as { rows: { table_name: string }[] }).rows) {
    const rows = await t.deps.db.execute(
      sql`SELECT to_jsonb(x)::text AS row FROM ${sql.identifier(table_name)} x WHERE workspace_id = ${theirsId} ORDER BY 1`,
    );
    parts.push(table_name, ...(rows as unknown as { rows: { row: string }[] }).rows.map((r) => r.row));
  }
  const users = await t.deps.db.execute(sql`
    SELECT to_jsonb(u)::text AS row FROM users u
    WHERE id IN (SELECT user_id FROM memberships WHERE workspace_id = ${theirsId}) ORDER BY 1`);
  parts.push('users', ...(users as unknown as { rows: { row: string }[] }).rows.map((r) => r.row));
  return parts.join('\n');
}

// The smallest body the schema accepts: required fields only, the first enum value, an id of
// the other workspace wherever an id is asked for.
function validBody(schema: JsonSchema | undefined, foreignId: string): unknown {
  const s = resolveSchema(doc, schema);
  if (!s) return {};
  if (s.enum) return s.enum[0];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('object')) {
    return Object.fromEntries(
      (s.required ?? []).map((name) => [name, validBody(s.properties?.[name], foreignId)]),
    );
  }
  if (types.includes('string')) {
    if (s.format === 'uuid') return foreignId;
    if (s.format === 'email') return 'someone@mine.test';
    if (s.format === 'date-time') return new Date().toISOString();
    return 'a valid enough text';
  }
  if (types.includes('integer') || types.includes('number')) return 1;
  if (types.includes('boolean')) return false;
  if (types.includes('array')) return [];
  const first = s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0];
  return first ? validBody(first, foreignId) : {};
}

function bodyFor(op: Operation, foreignId: string): unknown {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  return bodies[op.operationId]?.(foreignId) ?? validBody(schema, foreignId);
}

// Public routes (health, the document, login) belong to no workspace.
const isStaffRoute = (op: Operation) => (op.security ?? [{}]).length > 0;
const isVisitorRoute = (op: Operation) => JSON.stringify(op.security ?? []).includes('"visitor"');
const credentialFor = (op: Operation) => (isVisitorRoute(op) ? mineVisitor : mine);

describe('isolation, generated from the OpenAPI document', () => {
  it("answers 404 on every route with an id in its path, for each of another workspace's ids, and changes nothing there", async () => {
    const before = await snapshotOfTheirs();
    // The snapshot sees their rows, so "unchanged" means something.
    expect(before).toContain('Secret Sam');
    expect(before).toContain('coaching_tasks\n{');
    const withId = operationsOf(doc).filter((op) => isStaffRoute(op) && op.path.includes('{'));
    expect(withId.length).toBeGreaterThan(10);
    expect(withId.filter(isVisitorRoute).length).toBeGreaterThanOrEqual(5);
    let calls = 0;
    for (const op of withId) {
      for (const [i, foreignId] of foreignIds.entries()) {
        const path = op.path.replace(/\{[^}]+\}/g, foreignId);
        // Another of their ids in the body, so "merge into itself" and the like cannot answer
        // before the lookup does.
        const bodyId = foreignIds[(i + 1) % foreignIds.length]!;
        const res = await t.request(op.method.toUpperCase(), path, {
          key: credentialFor(op),
          body: bodyFor(op, bodyId),
        });
        calls++;
        const where = `${op.operationId}: ${op.method.toUpperCase()} ${path} -> ${res.status} ${res.text}`;
        expect(res.status, where).toBe(404);
        for (const secret of secrets) expect(res.text, where).not.toContain(secret);
      }
    }
    expect(calls).toBe(withId.length * foreignIds.length);
    expect(await snapshotOfTheirs()).toBe(before);
    // Hundreds of requests: generous for a loaded machine (every route times every id).
  }, 180_000);

  it("shows none of another workspace's data on the routes without an id, even given its ids", async () => {
    const before = await snapshotOfTheirs();
    const withoutId = operationsOf(doc).filter((op) => isStaffRoute(op) && !op.path.includes('{'));
    expect(withoutId.length).toBeGreaterThan(5);
    for (const op of withoutId) {
      for (const foreignId of foreignIds) {
        const query = op.parameters
          .filter((p) => p.in === 'query' && resolveSchema(doc, p.schema)?.format === 'uuid')
          .map((p) => `${p.name}=${foreignId}`)
          .join('&');
        const path = query ? `${op.path}?${query}` : op.path;
        const res = await t.request(op.method.toUpperCase(), path, {
          key: credentialFor(op),
          body: bodyFor(op, foreignId),
        });
        const where = `${op.operationId}: ${op.method.toUpperCase()} ${path} -> ${res.status} ${res.text}`;
        expect(res.status, where).toBeLessThan(500);
        for (const id of [...foreignIds, theirsId]) expect(res.text, where).not.toContain(id);
        for (const secret of secrets) expect(res.text, where).not.toContain(secret);
      }
    }
    expect(await snapshotOfTheirs()).toBe(before);
  }, 180_000);
});
