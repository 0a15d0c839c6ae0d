import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../../test/support/help-desk.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { jobDefinitions } from '../../../app/job-definitions.js';
import type { AppDeps } from '../../../platform/http/app-env.js';
import { createJobQueue, type JobQueue } from '../../../platform/jobs/index.js';
import { inWorkspace } from '../../../platform/tenancy/scope.js';
import { systemScope } from '../../../platform/tenancy/system-scope.js';
import { scoreConversation } from './score-conversation.js';
import { scoreConversationJob } from './score-conversation-job.js';
import { sweepUnscored, sweepUnscoredJob } from './sweep-unscored-job.js';

// The test app registers no listeners, so resolving here queues nothing: just what a crash
// between the commit and the listener leaves behind.
let t: TestApp;
let desk: ReturnType<typeof helpDesk>;
let workspaceId: string;
let queue: JobQueue<AppDeps>;

const later = () => new Date(Date.now() + 10 * 60_000);

async function finished(status: 'resolved' | 'closed' | 'open') {
  const customer = await desk.customer();
  const conv = await desk.conversation({ customerId: customer.id, text: 'My order never arrived.' });
  await desk.say(conv.id, 'agent', 'I am sorry, I have sent a replacement today.');
  if (status !== 'open') await desk.status(conv.id, status);
  return conv.id;
}

function recorder() {
  const sent: { workspaceId: string; conversationId: string }[] = [];
  const jobs = {
    send: async (_definition: unknown, payload: unknown) => {
      sent.push(payload as (typeof sent)[number]);
      return null;
    },
  } as unknown as AppDeps['jobs'];
  return { sent, jobs };
}

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Sweep');
  workspaceId = ws.workspaceId;
  desk = helpDesk(t.as(ws.apiKey));
  queue = createJobQueue<AppDeps>({ handle: t.handle, logger: pino({ level: 'silent' }) });
  await queue.start();
  await queue.register(jobDefinitions, t.deps);
}, 60_000);

afterAll(async () => {
  await queue?.stop();
  await t?.close();
}, 60_000);

describe('the sweep for unscored finished conversations', () => {
  it('queues scoring for resolved and closed conversations with no score, and only those', async () => {
    const resolved = await finished('resolved');
    const closed = await finished('closed');
    const open = await finished('open');
    const scored = await finished('resolved');
    await inWorkspace(t.deps, systemScope(workspaceId), (work) => scoreConversation(work, scored));

    const { sent, jobs } = recorder();
    // Just finished: the listener may still be on its way.
    expect(await sweepUnscored({ db: t.deps.db, jobs })).toBe(0);
    await sweepUnscored({ db: t.deps.db, jobs }, later());
    const ids = sent.map((s) => s.conversationId);
    expect(ids).toEqual(expect.arrayContaining([resolved, closed]));
    expect(ids).not.toContain(open);
    expect(ids).not.toContain(scored);
    expect(sent.every((s) => s.workspaceId === workspaceId)).toBe(true);
  });

  it('leaves alone a conversation whose scoring job is already waiting', async () => {
    const id = await finished('resolved');
    const first = await sweepUnscored({ db: t.deps.db, jobs: queue }, later());
    expect(first).toBeGreaterThanOrEqual(1);
    const { sent, jobs } = recorder();
    await sweepUnscored({ db: t.deps.db, jobs }, later());
    expect(sent.map((s) => s.conversationId)).not.toContain(id);
  });

  it('runs on a schedule, and scoring jobs expire in minutes, not a quarter of an hour', async () => {
    const schedules = await queue.boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain(sweepUnscoredJob.name);
    expect(scoreConversationJob.options.expireInSeconds).toBeLessThanOrEqual(300);
  });
});
