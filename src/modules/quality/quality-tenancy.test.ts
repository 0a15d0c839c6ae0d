import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { coachingTasks } from './schema.js';
import { helpDesk } from '../../../test/support/help-desk.js';

let t: TestApp;
let mine: ReturnType<TestApp['as']>;
let theirs: ReturnType<TestApp['as']>;
let foreignConversation: string;
let foreignTask: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.workspace('Mine');
  const b = await t.workspace('Theirs');
  const quality = t.as;
  mine = quality(a.apiKey);
  theirs = quality(b.apiKey);
  const desk = helpDesk(t.as(b.apiKey));
  const customer = await desk.customer([{ type: 'account', value: 'SECRET-9911' }]);
  const conv = await desk.conversation({ customerId: customer.id, text: 'Private: my router keeps failing' });
  await desk.say(conv.id, 'agent', 'Sorry about that, I have reset it for you and it should work now.');
  foreignConversation = conv.id;
  // Written directly: raising a real one takes a team of scored agents, which scorecards.test.ts covers.
  const [task] = await t.handle.db
    .insert(coachingTasks)
    .values({
      workspaceId: b.workspaceId,
      agentId: b.userId,
      reason: 'test',
      periodStart: new Date(),
      periodEnd: new Date(),
      agentAverage: 40,
      teamAverage: 80,
      conversationIds: [conv.id],
      dueAt: new Date(),
    })
    .returning();
  foreignTask = task!.id;
  expect((await theirs.post(`/conversations/${conv.id}/quality`)).status).toBe(200);
});
afterAll(() => t.close());

describe('quality across workspaces', () => {
  it("answers 404 for another workspace's conversation on every quality route, and never its data", async () => {
    const c = foreignConversation;
    const attempts = await Promise.all([
      mine.post(`/conversations/${c}/quality`),
      mine.get(`/conversations/${c}/quality`),
      mine.post(`/conversations/${c}/draft-check`, { text: 'Can you give me your account number?' }),
    ]);
    for (const res of attempts) {
      expect(res.status, res.text).toBe(404);
      expect(res.json.code).toBe('CONVERSATION_NOT_FOUND');
      expect(res.text).not.toMatch(/SECRET|Private|router/);
    }
  });

  it('keeps scorecards, coaching tasks and rubric settings to their own workspace', async () => {
    expect((await mine.get('/quality/scorecards?groupBy=team')).json.data).toEqual([]);
    expect((await theirs.get('/quality/scorecards?groupBy=team')).json.data).toHaveLength(1);
    await theirs.put('/quality/rubric', { longHoldSeconds: 900 });
    expect((await mine.get('/quality/rubric')).json.rubric.longHoldSeconds).toBe(300);
    expect((await mine.get('/quality/coaching-tasks')).json.data).toEqual([]);
    const patch = await mine.patch(`/quality/coaching-tasks/${foreignTask}`, { status: 'dismissed' });
    expect(patch.status).toBe(404);
    expect((await theirs.get('/quality/coaching-tasks?status=open')).json.data).toHaveLength(1);
  });
});
