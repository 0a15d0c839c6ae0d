import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { conversationEvents, conversations, isFinished, messages } from '../modules/conversations/schema.js';
import { customerIdentities, customers } from '../modules/customers/schema.js';
import { users, workspaces } from '../modules/workspaces/schema.js';
import { hashPassword } from '../platform/access/secrets.js';
import { inWorkspace, type ScopeDeps } from '../platform/tenancy/scope.js';
import { reviewAgents, scoreConversations } from '../modules/quality/index.js';
import { bootstrapWorkspace, createApiKey } from '../modules/identity/index.js';
import { getWorkspace } from '../modules/workspaces/index.js';
import { buildConversations } from './build-conversations.js';
import { buildCustomers } from './build-customers.js';
import { createStaff } from './create-staff.js';
import { demoOwner } from './people.js';
import { createRandom } from './random.js';
import { chunks, insertRows } from './write-rows.js';

export type LoadDemoOptions = {
  /** Load into this workspace; by default a new one named "Demo" is created. */
  workspaceId?: string;
  seed?: number;
  customers?: number;
  conversations?: number;
  lostCustomers?: number;
  now?: Date;
};

export type DemoSummary = {
  workspaceId: string;
  workspaceName: string;
  apiKey: string;
  login: { name: string; email: string; password: string; role: string };
  counts: {
    people: number;
    teams: number;
    customers: number;
    conversations: number;
    messages: number;
    events: number;
    scored: number;
  };
  durationMs: number;
};

const SYSTEM = { type: 'system', role: 'owner', userId: null } as const;
// Small enough that a server sharing the embedded database's one connection keeps answering
// requests between chunks while a demo loads.
const CONVERSATIONS_PER_TRANSACTION = 100;

export async function loadDemo(deps: ScopeDeps, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const random = createRandom(options.seed ?? 20_240_601);
  const now = options.now ?? new Date();
  const password = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  const emailDomain = await freeEmailDomain(deps.db);

  const target = options.workspaceId
    ? await useWorkspace(deps, options.workspaceId)
    : await newWorkspace(deps.db, { email: `${slug(demoOwner.name)}@${emailDomain}`, password });
  const scope = { workspaceId: target.workspaceId, actor: SYSTEM };

  const customerCount = options.customers ?? 200;
  const conversationCount = options.conversations ?? 1_000;

  const setup = await inWorkspace(deps, scope, async (ctx) => {
    const existing = await ctx.tx
      .select({ type: customerIdentities.type, value: customerIdentities.value })
      .from(customerIdentities);
    const taken = new Set(existing.map((i) => `${i.type}:${i.value}`));
    const demoCustomers = buildCustomers(random, customerCount, options.lostCustomers ?? 8, now, taken);
    const staff = await createStaff(ctx, { emailDomain, passwordHash });
    await insertRows(
      ctx.tx,
      customers,
      demoCustomers.map((c) => ({
        id: c.id,
        workspaceId: ctx.workspaceId,
        name: c.name,
        attributes: c.attributes,
        lifetimeValueCents: c.lifetimeValueCents,
        lifecycleStatus: c.lifecycleStatus,
        customerSince: c.customerSince,
        lostAt: c.lostAt,
        createdAt: c.customerSince,
        updatedAt: now,
      })),
    );
    await insertRows(
      ctx.tx,
      customerIdentities,
      demoCustomers.flatMap((c) =>
        c.identities.map((i) => ({
          workspaceId: ctx.workspaceId,
          customerId: c.id,
          ...i,
          createdAt: c.customerSince,
        })),
      ),
    );
    // Reserves a block of display numbers, the way createConversation takes one at a time.
    const [reserved] = await ctx.tx
      .update(workspaces)
      .set({ nextConversationNumber: sql`${workspaces.nextConversationNumber} + ${conversationCount}` })
      .where(eq(workspaces.id, ctx.workspaceId))
      .returning({ first: sql<number>`${workspaces.nextConversationNumber} - ${conversationCount}` });
    return { staff, demoCustomers, firstDisplayId: Number(reserved!.first) };
  });
  const { demoCustomers } = setup;

  const built = buildConversations(random, {
    workspaceId: target.workspaceId,
    customers: demoCustomers,
    staffByTeam: setup.staff.staffByTeam,
    teamIds: setup.staff.teamIds,
    count: conversationCount,
    firstDisplayId: setup.firstDisplayId,
    now,
  });
  for (const chunk of chunks(built, CONVERSATIONS_PER_TRANSACTION)) {
    await inWorkspace(deps, scope, async (ctx) => {
      await insertRows(
        ctx.tx,
        conversations,
        chunk.map((c) => c.conversation),
      );
      await insertRows(
        ctx.tx,
        messages,
        chunk.flatMap((c) => c.messages),
      );
      await insertRows(
        ctx.tx,
        conversationEvents,
        chunk.flatMap((c) => c.events),
      );
    });
  }

  // The rows went in directly, past the reaction that keeps each profile's count of conversations.
  await inWorkspace(deps, scope, (ctx) =>
    ctx.tx
      .update(customers)
      .set({
        conversationCount: sql`(SELECT count(*) FROM ${conversations} WHERE ${conversations.customerId} = ${customers.id})`,
      })
      .where(
        inArray(
          customers.id,
          demoCustomers.map((c) => c.id),
        ),
      ),
  );

  // Scored as they would have been when they finished, so scorecards, the worst conversations
  // and coaching tasks have something to show from the first minute.
  const finished = built.filter((c) => isFinished(c.conversation.status));
  const scoredAgents: string[] = [];
  for (const chunk of chunks(finished, CONVERSATIONS_PER_TRANSACTION)) {
    scoredAgents.push(
      ...(await inWorkspace(deps, scope, (ctx) =>
        scoreConversations(
          ctx,
          chunk.map((c) => c.conversation.id),
        ),
      )),
    );
  }
  await inWorkspace(deps, scope, (ctx) => reviewAgents(ctx, scoredAgents));

  const supervisor = setup.staff.people.find((p) => p.role === 'supervisor')!;
  return {
    workspaceId: target.workspaceId,
    workspaceName: target.workspaceName,
    apiKey: target.apiKey,
    login: target.owner
      ? { name: demoOwner.name, email: target.owner, password, role: 'owner' }
      : { name: supervisor.name, email: supervisor.email, password, role: supervisor.role },
    counts: {
      people: setup.staff.people.length + (target.owner ? 1 : 0),
      teams: Object.keys(setup.staff.teamIds).length,
      customers: demoCustomers.length,
      conversations: built.length,
      messages: built.reduce((n, c) => n + c.messages.length, 0),
      events: built.reduce((n, c) => n + c.events.length, 0),
      scored: finished.length,
    },
    durationMs: Math.round(performance.now() - started),
  };
}

async function newWorkspace(db: Db, owner: { email: string; password: string }) {
  const created = await bootstrapWorkspace({
    db,
    name: 'Demo',
    admin: { email: owner.email, name: demoOwner.name, password: owner.password },
  });
  return {
    workspaceId: created.workspaceId,
    workspaceName: 'Demo',
    apiKey: created.apiKey,
    owner: owner.email,
  };
}

async function useWorkspace(deps: ScopeDeps, workspaceId: string) {
  return inWorkspace(deps, { workspaceId, actor: SYSTEM }, async (ctx) => {
    const workspace = await getWorkspace(ctx);
    const key = await createApiKey(ctx, { name: 'Demo key', role: 'admin' });
    return { workspaceId, workspaceName: workspace.name, apiKey: key.key, owner: undefined };
  });
}

// demo.earshot.test, then demo2.earshot.test, …: the first domain no earlier demo used.
async function freeEmailDomain(db: Db): Promise<string> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) ~ '@demo[0-9]*\\.earshot\\.test$'`);
  const taken = new Set(rows.map((r) => r.email.toLowerCase().split('@')[1]));
  for (let n = 1; ; n++) {
    const domain = n === 1 ? 'demo.earshot.test' : `demo${n}.earshot.test`;
    if (!taken.has(domain)) return domain;
  }
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '.');
