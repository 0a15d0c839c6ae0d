import { sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseConfig } from '../config/env.js';
import { prepareTestTarget } from '../../test/support/test-target.js';
import { httpClient } from '../../test/support/http-client.js';
import { waitUntil } from '../../test/support/wait-until.js';
import { executeAdminCommand } from './admin-commands.js';
import { startServer } from './start-server.js';
import { startWorker } from './start-worker.js';

// A worker needs PostgreSQL: the embedded database is opened by one process only, and there
// `earshot serve` dispatches and works jobs itself (see start-server.test.ts).
describe.runIf(process.env.DATABASE_URL)('earshot worker beside an API-only server', () => {
  it("runs the listeners and the jobs: the API's status change is dispatched by the worker and the conversation scored", async () => {
    const target = await prepareTestTarget();
    onTestFinished(() => target.close());
    const config = parseConfig(target.env);
    const server = await startServer({ config, workers: false });
    onTestFinished(() => server.close());
    const worker = await startWorker({ config });
    onTestFinished(() => worker.close());
    expect(worker.listeners).toContain('quality.enqueue-scoring');

    const { workspaceId } = (await executeAdminCommand(server.deps, 'init', {
      workspace: 'Split',
      admin: 'split@acme.test',
      password: 'correct horse battery',
    })) as { workspaceId: string };
    // The customer's own words come in through a channel: a key allowed to speak for them.
    const { apiKey } = (await executeAdminCommand(server.deps, 'apikey.create', {
      workspace: workspaceId,
      name: 'Chat',
      permissions: ['conversations:impersonate-customer'],
    })) as { apiKey: string };
    const call = httpClient(server.url, apiKey);
    const customer = await call('POST', '/customers', { name: 'Wendy Worker' });
    const conversation = await call('POST', '/conversations', {
      customerId: customer.json.id,
      channel: 'chat',
      message: { text: 'I need a copy of my last invoice.' },
    });
    const id = conversation.json.id as string;
    await call('POST', `/conversations/${id}/messages`, {
      role: 'agent',
      text: 'I have emailed you the invoice for March just now.',
    });
    expect((await call('POST', `/conversations/${id}/status`, { status: 'resolved' })).status).toBe(200);

    await waitUntil(
      'the worker to score the conversation',
      async () => (await call('GET', `/conversations/${id}/quality`)).status === 200,
      30_000,
    );
    const delivered = (await server.deps.db.execute(
      sql`SELECT delivered_at FROM event_outbox WHERE type = 'conversation.status_changed' AND data->>'conversationId' = ${id}`,
    )) as unknown as { rows: { delivered_at: Date | null }[] };
    expect(delivered.rows[0]?.delivered_at).not.toBeNull();
  }, 90_000);
});
