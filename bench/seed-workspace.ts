import { randomUUID } from 'node:crypto';
import type { App } from '../src/app/build-app.js';
import type { Db } from '../src/db/client.js';
import { bootstrapWorkspace } from '../src/modules/identity/index.js';

export type Seeded = { workspaceId: string; apiKey: string; customerId: string; conversationIds: string[] };

// The state a help desk is in when agents start replying: one workspace, its API key, one
// customer and one open conversation per client. Created through the app itself, so the
// benchmark depends only on the public API.
export async function seedWorkspace(app: App, db: Db, conversations: number): Promise<Seeded> {
  const { workspaceId, apiKey: ownerKey } = await bootstrapWorkspace({
    db,
    name: 'Bench workspace',
    admin: { email: `bench-${randomUUID()}@example.test`, password: 'bench password long enough' },
  });
  const post = async (key: string, path: string, body: unknown) => {
    const res = await app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string; key?: string };
    if (res.status !== 201 || !json.id)
      throw new Error(`seeding POST ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  // A chat channel's key: the customers' own words come in through it.
  const { key: apiKey } = await post(ownerKey, '/api-keys', {
    name: 'Bench chat',
    role: 'agent',
    permissions: ['conversations:impersonate-customer'],
  });
  const { id: customerId } = await post(apiKey!, '/customers', {
    name: 'Ada Customer',
    identities: [{ type: 'email', value: 'ada@example.test' }],
  });
  const conversationIds: string[] = [];
  for (let i = 0; i < conversations; i++) {
    const { id } = await post(apiKey!, '/conversations', {
      customerId,
      channel: 'chat',
      message: { text: `My order ${1000 + i} has not arrived` },
    });
    conversationIds.push(id);
  }
  // Each conversation already has its first agent reply, so the measured requests take the
  // steady-state path (no first-reply bookkeeping) and the add-message code is compiled
  // before the first timed request rather than by fifty of them at once.
  for (const id of conversationIds)
    await post(apiKey!, `/conversations/${id}/messages`, {
      role: 'agent',
      text: 'Hello, I am looking into this now.',
    });
  return { workspaceId, apiKey: apiKey!, customerId, conversationIds };
}
