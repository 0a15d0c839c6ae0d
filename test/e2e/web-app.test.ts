import { sql } from 'drizzle-orm';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailModule, pollImapMailbox } from '../../src/modules/email/index.js';
import { pullSource } from '../../src/modules/reviews/index.js';
import { serviceLevelsModule } from '../../src/modules/service-levels/index.js';
import { createDispatcher } from '../../src/platform/events/create-dispatcher.js';
import { helpDesk } from '../support/help-desk.js';
import { composeMail, postMail } from '../support/mail.js';
import {
  browserAvailable,
  launchChromium,
  screenshot,
  seen,
  seriousViolations,
  startWebServer,
  watchConsole,
  type WebServer,
} from './browser.js';

// The agents' web app, served by the real HTTP edge and driven in Debian's Chromium: each test
// continues where the previous one left off, as one agent's working session would.
const WAIT = 15_000;
const exact = { exact: true };

describe.skipIf(!browserAvailable())('the web app in a real browser', () => {
  let server: WebServer;
  let browser: Browser;
  let agentContext: BrowserContext;
  let page: Page;
  let consoleProblems: string[];
  let ws: Awaited<ReturnType<WebServer['t']['workspace']>>;
  let api: ReturnType<WebServer['t']['as']>;
  let conversationId: string;
  const colleague = { email: `sam-${Date.now()}@example.test`, password: 'a long colleague password' };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
    ws = await server.t.workspace('Acme Support');
    api = server.t.as(ws.apiKey);
    const desk = helpDesk(api);
    const dana = await desk.customer([{ type: 'email', value: 'dana@example.com' }]);
    conversationId = await open(dana.id, 'chat', 'Change of plan', "Hi, I'd like to change my plan.");
    await desk.verify(conversationId, 'security_questions');
    const member = await api.post('/users', { ...colleague, name: 'Sam Okafor', role: 'agent' });
    expect(member.status, member.text).toBe(201);
    await desk.team('Billing', [member.json.id]);
    agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await agentContext.newPage();
    consoleProblems = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a conversation with a subject, as a channel integration would; returns its id. */
  async function open(customerId: string, channel: string, subject: string, text: string) {
    const res = await api.post('/conversations', { customerId, channel, subject, message: { text } });
    expect(res.status, res.text).toBe(201);
    return res.json.id as string;
  }

  /** What a worker's dispatcher does for the service-level clocks, run here: the server has none. */
  async function startClocks() {
    const listeners = serviceLevelsModule.listeners!;
    // The clocks' listener sends no jobs (a sweep finds what falls due); one sent would fail here.
    const jobs = {
      send: () => Promise.reject(new Error('the e2e server has no job queue')),
    };
    await createDispatcher({ listeners, deps: { ...server.t.deps, jobs } }).drain();
  }

  /** What the parsing job does with a stored mail, run here: the server has no workers. */
  async function parseInbound(inboundId: string) {
    const parse = emailModule.jobs!.find((j) => j.name === 'email.process-inbound')!;
    const job = { ...server.t.deps, jobId: 'e2e', jobName: parse.name, retryCount: 0 };
    await parse.handler({ workspaceId: ws.workspaceId, inboundId } as never, job as never);
  }

  async function signIn(p: Page, email: string, password: string) {
    await p.goto(server.url);
    await p.getByLabel('Email', exact).fill(email);
    await p.getByLabel('Password', exact).fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await seen(p.getByRole('heading', { name: 'Inbox' }));
    await seen(p.getByRole('status').filter({ hasText: 'Live' }));
  }

  it('signs in with email and password, showing a refusal without losing what was typed', async () => {
    const scripts: Promise<Buffer>[] = [];
    const collect = (r: Response) => void (r.request().resourceType() === 'script' && scripts.push(r.body()));
    page.on('response', collect);
    await page.goto(server.url);
    await seen(page.getByRole('heading', { name: 'Sign in to Earshot' }));
    page.off('response', collect);
    const gzipped = (await Promise.all(scripts)).reduce((sum, body) => sum + gzipSync(body).length, 0);
    console.log(`the first screen's JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(250 * 1024);
    await screenshot(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Email', exact).fill(ws.email);
    await page.getByLabel('Password', exact).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await seen(page.getByRole('alert'));
    expect(await page.getByLabel('Email', exact).inputValue()).toBe(ws.email);

    await signIn(page, ws.email, ws.password);
    expect(await seriousViolations(page)).toEqual([]);
    await seen(page.getByRole('row').filter({ hasText: 'Dana Reyes' }));
    await screenshot(page, 'inbox');
  });

  it("keeps the API's defence against cross-site requests", async () => {
    const cookies = await agentContext.cookies();
    expect(cookies.find((c) => c.name === 'earshot_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    // What a form on another site can send is refused before it is read, even with the cookie.
    const forged = await page.evaluate(
      async (id) =>
        (
          await fetch(`/api/v1/conversations/${id}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'role=agent&text=forged',
          })
        ).status,
      conversationId,
    );
    expect(forged).toBe(415);
  });

  it('lists open conversations in the All view and opens one', async () => {
    await seen(page.getByRole('button', { name: 'All', pressed: true }));
    const row = page.getByRole('row').filter({ hasText: 'Change of plan' });
    await seen(row.filter({ hasText: 'Dana Reyes' }));
    expect(await row.textContent()).toContain('chat');

    await row.getByRole('link', { name: 'Change of plan' }).click();
    await seen(page.getByRole('heading', { name: /Change of plan/ }));
    await seen(page.getByText("Hi, I'd like to change my plan."));
    await seen(page.getByText(/Verified by .* with security questions/));
    await seen(page.getByRole('complementary').getByText('dana@example.com'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sends a reply and shows it in the conversation', async () => {
    const reply = page.getByLabel('Reply', exact);
    await reply.fill('Thanks Dana, I can change that for you now.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await seen(page.getByRole('listitem').filter({ hasText: 'Thanks Dana, I can change that for you now.' }));
    expect(await reply.inputValue()).toBe('');
  });

  it('writes an internal note, marked as one', async () => {
    await page.getByLabel('Internal note', exact).check();
    await page.getByLabel('Reply', exact).fill('Customer prefers email for the confirmation.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const note = page.locator('.message').filter({ hasText: 'Customer prefers email for the confirmation.' });
    await seen(note);
    expect(await note.textContent()).toContain('Internal note');
    await page.getByLabel('Internal note', exact).uncheck();
  });

  it('warns, before sending, against asking a verified customer for the account number', async () => {
    const before = await page.locator('.message').count();
    await page.getByLabel('Reply', exact).pressSequentially('Can you give me your account number?');
    const warning = page.getByRole('list', { name: 'Before you send' }).getByRole('listitem');
    await seen(warning);
    expect(await warning.first().textContent()).toMatch(/repeat ask.*verified/i);
    await screenshot(page, 'conversation-draft-warning');
    expect(await page.locator('.message').count()).toBe(before);
    await page.getByLabel('Reply', exact).fill('');
  });

  it("shows the API's refusal at the field it names and keeps the text", async () => {
    const tooLong = 'a'.repeat(50_001);
    await page.getByLabel('Reply', exact).fill(tooLong);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const reply = page.getByLabel('Reply', exact);
    await seen(page.locator('textarea[aria-invalid="true"]'));
    const described = await reply.getAttribute('aria-describedby');
    const reason = await page.locator(`[id="${described!.split(' ').at(-1)}"]`).textContent();
    expect(reason).toMatch(/50000|50,000|too long|at most/i);
    expect((await reply.inputValue()).length).toBe(50_001);
    await reply.fill('');
  });

  it('refuses a transfer without a handover note in the form, and makes one with a note', async () => {
    await page.getByRole('button', { name: 'Transfer…' }).click();
    await page.getByLabel('Team', exact).selectOption({ label: 'Billing' });
    let transfers = 0;
    page.on('request', (r) => void (r.url().endsWith('/transfer') && transfers++));
    await page.getByRole('button', { name: 'Transfer conversation' }).click();
    await seen(page.getByText('A handover note is required'));
    expect(await page.getByLabel('Handover note', exact).getAttribute('aria-invalid')).toBe('true');
    expect(transfers).toBe(0);
    await page.getByRole('heading', { name: 'Transfer' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'transfer-note-required');

    await page.getByLabel('Handover note', exact).fill('Wants the family plan from next month; verified.');
    await page.getByRole('button', { name: 'Transfer conversation' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'Transferred.' }));
    await seen(page.getByRole('note', { name: 'Handover note' }));
    expect(transfers).toBe(1);
  });

  it('the next agent sees the verification and the note, and new messages arrive live', async () => {
    const colleagueContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await colleagueContext.newPage();
      await signIn(other, colleague.email, colleague.password);
      await other.getByRole('link', { name: 'Change of plan' }).click();
      await seen(other.getByText('Wants the family plan from next month; verified.'));
      await seen(other.getByText(/Verified by .* with security questions/));

      // The first agent writes; the colleague's open page shows it without a reload.
      await page.getByLabel('Reply', exact).fill('One moment while I set that up.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await seen(other.getByRole('listitem').filter({ hasText: 'One moment while I set that up.' }));

      // A conversation opened elsewhere appears in the inbox by itself.
      await other.getByRole('link', { name: 'Inbox' }).click();
      await seen(other.getByRole('heading', { name: 'Inbox' }));
      await open(
        (await helpDesk(api).customer()).id,
        'email',
        'Refund for order 1182',
        'Where is my refund?',
      );
      await seen(other.getByRole('row').filter({ hasText: 'Refund for order 1182' }));
    } finally {
      await colleagueContext.close();
    }
  });

  it('pages the inbox by cursor, and is worked from the keyboard', async () => {
    const customer = await helpDesk(api).customer();
    for (let n = 1; n <= 25; n++) {
      await open(customer.id, 'chat', `Order question ${String(n).padStart(2, '0')}`, `Question ${n}`);
    }
    await page.goto(server.url);
    await seen(page.getByRole('heading', { name: 'Inbox' }));
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');

    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await seen(rows.filter({ hasText: 'Order question 25' }));
    expect(await rows.count()).toBe(25);
    const more = page.getByRole('button', { name: 'Load more' });
    await more.focus();
    await page.keyboard.press('Enter');
    await seen(rows.filter({ hasText: 'Change of plan' }));
    expect(await rows.count()).toBe(27);

    await page.getByRole('link', { name: 'Order question 25' }).focus();
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: /Order question 25/ }));
    await page.getByLabel('Reply', exact).focus();
    await page.keyboard.type('Typed and sent without a mouse.');
    await page.keyboard.press('Control+Enter');
    await seen(page.getByRole('listitem').filter({ hasText: 'Typed and sent without a mouse.' }));
  });

  it('narrows the inbox by view and filters, changes status and assigns from the conversation', async () => {
    const customer = (await api.post('/customers', { name: 'Ines Moreau', identities: [] })).json;
    const res = await api.post('/conversations', {
      customerId: customer.id,
      channel: 'email',
      priority: 'urgent',
      subject: 'Outage on the east line',
      message: { text: 'Nothing works since this morning.' },
    });
    expect(res.status, res.text).toBe(201);
    await page.goto(server.url);
    await seen(page.getByRole('heading', { name: 'Inbox' }));
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    const outage = rows.filter({ hasText: 'Outage on the east line' });

    await page.getByLabel('Priority', exact).selectOption('urgent');
    await seen(outage.filter({ hasText: customer.name }));
    expect(await rows.count()).toBe(1);
    await page.getByLabel('Channel', exact).selectOption('chat');
    await seen(page.getByText('No conversations in this view.'));
    await page.getByLabel('Channel', exact).selectOption('email');
    await seen(outage);
    await page.getByRole('button', { name: 'Unassigned' }).click();
    await seen(outage);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'inbox-filters');

    await outage.getByRole('link').click();
    await seen(page.getByRole('heading', { name: /Outage on the east line/ }));
    await page.getByLabel('Status', exact).selectOption('waiting_on_customer');
    await seen(page.getByRole('status').filter({ hasText: 'Status: waiting on customer.' }));
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await seen(page.getByRole('status').filter({ hasText: /^Assigned to / }));
    const after = await api.get(`/conversations/${res.json.id}`);
    expect(after.json.status).toBe('waiting_on_customer');
    expect(after.json.assigneeId).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('button', { name: 'Waiting on customer' }).click();
    await seen(outage);
    await page.getByRole('button', { name: 'Mine' }).click();
    await seen(page.getByText('No conversations in this view.'));
    await page.getByLabel('Status', exact).selectOption('any');
    await seen(outage);
    expect(await rows.count()).toBe(1);
  });

  it("shows the conversation's open promises and, once scored, its quality with evidence", async () => {
    const customer = await helpDesk(api).customer();
    const id = await open(customer.id, 'chat', 'Callback about the upgrade', 'Can someone call me back?');
    await api.post(`/conversations/${id}/messages`, {
      role: 'agent',
      text: 'Yes, we will call you tomorrow.',
    });
    const owner = (await api.get('/users')).json.data[0].id as string;
    const promise = await api.post('/promises', {
      conversationId: id,
      type: 'callback',
      ownerId: owner,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      terms: 'We call you back about the upgrade.',
    });
    expect(promise.status, promise.text).toBe(201);
    expect((await api.post(`/conversations/${id}/status`, { status: 'resolved' })).status).toBe(200);
    const scored = await api.post(`/conversations/${id}/quality`);
    expect(scored.status, scored.text).toBe(200);

    await page.goto(`${server.url}/conversations/${id}`);
    const panel = page.getByRole('complementary');
    await seen(panel.getByText(promise.json.reference));
    await seen(panel.getByText('We call you back about the upgrade.'));
    await seen(panel.getByText(`${scored.json.overall} / 100`, { exact: false }));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'conversation-promises-quality');
  });

  it("shows each row's wait and service-level state in words, the conversations breaching soon, and the targets", async () => {
    const calendar = await api.post('/calendars', {
      name: 'Around the clock',
      timezone: 'UTC',
      hours: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
        day,
        from: '00:00',
        to: '24:00',
      })),
    });
    expect(calendar.status, calendar.text).toBe(201);
    const policy = await api.post('/sla-policies', {
      name: 'Social media',
      appliesTo: { channel: 'social' },
      targets: { firstHumanResponseSeconds: 20 * 60, resolutionSeconds: 4 * 3600 },
      calendarId: calendar.json.id,
    });
    expect(policy.status, policy.text).toBe(201);
    const customer = await helpDesk(api).customer();
    const id = await open(customer.id, 'social', 'Public complaint', 'Nobody answers my messages!');
    await startClocks();
    const due = (await api.get('/sla/breaching?withinSeconds=3600')).json.data;
    expect(due.filter((t: { conversationId: string }) => t.conversationId === id)).toMatchObject([
      { kind: 'firstHumanResponse' },
    ]);

    await page.goto(server.url);
    const row = page.getByRole('row').filter({ hasText: 'Public complaint' });
    await seen(row);
    const cells = row.getByRole('cell');
    expect(await cells.nth(6).textContent()).toMatch(/^\d+ s$/);
    expect(await cells.nth(7).textContent()).toMatch(/^First response due in (19|20) min$/);
    // Answered before: no wait shown.
    const answered = page.getByRole('row').filter({ hasText: 'Order question 25' });
    expect(await answered.getByRole('cell').nth(6).textContent()).toBe('answered');

    await page.getByRole('button', { name: 'Breaching soon' }).click();
    const soon = page.getByRole('table', { name: /breaching soon/ }).getByRole('row');
    await seen(soon.filter({ hasText: 'Public complaint' }));
    // Nothing without a running clock due within the hour.
    expect(await soon.filter({ hasText: 'Order question 25' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'inbox-breaching-soon');

    await soon.getByRole('link', { name: 'Public complaint' }).click();
    const panel = page.getByRole('complementary');
    await seen(panel.getByRole('heading', { name: 'Service level' }));
    const targets = panel.getByRole('listitem').filter({ hasText: /^(First response|Resolution):/ });
    await seen(targets.filter({ hasText: /^First response: due in (19|20) min \(due .+\)$/ }));
    await seen(targets.filter({ hasText: /^Resolution: due in (3 h 59 min|4 h) \(due .+\)$/ }));
    expect(await seriousViolations(page)).toEqual([]);

    // Answered: the first response is met, the wait ends and it no longer breaches soon.
    await page.getByLabel('Reply', exact).fill('Sorry for the silence, I am on it now.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await seen(page.getByRole('listitem').filter({ hasText: 'Sorry for the silence' }));
    await startClocks();
    await page.reload();
    await seen(panel.getByRole('listitem').filter({ hasText: /^First response: met/ }));
    await page.getByRole('link', { name: 'Inbox' }).click();
    await seen(
      row
        .getByRole('cell')
        .nth(6)
        .filter({ hasText: /^answered$/ }),
    );
    expect(await cells.nth(7).textContent()).toMatch(/^Resolution due in (3 h 59 min|4 h)$/);
    await page.getByRole('button', { name: 'Breaching soon' }).click();
    await seen(page.getByRole('table', { name: /breaching soon/ }));
    expect(await soon.filter({ hasText: 'Public complaint' }).count()).toBe(0);
  });

  it("shows the live queues with their waits and time to first human, and the agents' presence and load", async () => {
    const billing = (await api.get('/teams')).json.data.find(
      (t: { name: string }) => t.name === 'Billing',
    ).id;
    const customer = await helpDesk(api).customer();
    const waiting = await api.post('/conversations', {
      customerId: customer.id,
      channel: 'chat',
      teamId: billing,
      subject: 'Waiting in Billing',
      message: { text: 'Is anyone there?' },
    });
    expect(waiting.status, waiting.text).toBe(201);
    expect((await api.put('/me/presence', { status: 'online' })).status).toBe(200);
    const live = (await api.get('/routing/live')).json;
    const queue = live.queues.find((q: { teamId: string }) => q.teamId === billing);
    expect(queue.waiting).toBeGreaterThanOrEqual(1);

    await page.getByRole('link', { name: 'Supervisor' }).click();
    await seen(page.getByRole('heading', { name: 'Live queues' }));
    const row = page
      .getByRole('table', { name: /Waiting now/ })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Billing', exact: true }) });
    await seen(row);
    expect(await row.getByRole('cell').first().textContent()).toBe(String(queue.waiting));
    expect(await row.getByRole('cell').nth(1).textContent()).toMatch(/^\d+ (s|min)/);
    const owner = (await api.get('/users')).json.data.find((m: { email: string }) => m.email === ws.email);
    const agent = page
      .getByRole('table', { name: "Agents' presence and load" })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: owner.name }) });
    await seen(agent.filter({ hasText: 'online' }));
    expect(await agent.textContent()).toMatch(/chat \d+\/\d+/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the supervisor scorecards by agent and by team, each leading to its worst conversations', async () => {
    await page.getByRole('link', { name: 'Supervisor' }).click();
    await seen(page.getByRole('heading', { name: 'Scorecards' }));
    const worst = page.getByRole('link', { name: /\/100, road / });
    await seen(worst);
    await seen(page.getByRole('heading', { name: 'Coaching tasks' }));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor');
    await page.getByLabel('Group by', exact).selectOption('team');
    await seen(page.getByRole('rowheader', { name: 'No team' }));
    await worst.first().click();
    await seen(page.getByRole('heading', { name: /Callback about the upgrade/ }));
  });

  it('creates a team, and API keys with a role, the key shown once; revokes one', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await seen(page.getByRole('heading', { name: 'Users and roles' }));
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team name', exact).fill('Retention');
    await page.getByRole('button', { name: 'Create team' }).click();
    await seen(page.getByRole('listitem').filter({ hasText: 'Retention' }));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Key name', exact).fill('Order system');
    await page.getByLabel('Key role', exact).selectOption('supervisor');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'shown this once' });
    await seen(shown);
    const key = (await shown.locator('code').textContent())!;
    const keyed = server.t.as(key);
    expect((await keyed.get('/me')).json.workspace.role).toBe('supervisor');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings');

    // Revoking asks once more, and the key stops working.
    const row = page.getByRole('listitem').filter({ hasText: 'Order system' });
    await row.getByRole('button', { name: 'Revoke Order system' }).click();
    await page.keyboard.press('Enter'); // the confirmation has the focus
    await seen(row.filter({ hasText: '(revoked' }));
    expect((await keyed.get('/me')).status).toBe(401);
  });

  it("manages members: a role and a capacity changed, a member added, the API's refusal at its field", async () => {
    await page.getByRole('link', { name: 'Users and roles' }).click();
    const sam = page.getByRole('row').filter({ hasText: 'Sam Okafor' });
    await seen(sam.filter({ hasText: 'agent' }));
    await sam.getByRole('button', { name: 'Edit Sam Okafor' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit Sam Okafor' });
    await form.getByLabel('Role', exact).selectOption('supervisor');
    await form.getByLabel('Chat capacity', exact).fill('7');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-users');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await seen(sam.filter({ hasText: 'supervisor' }).filter({ hasText: 'chat 7' }));
    const samNow = (await api.get('/users')).json.data.find((m: { name: string }) => m.name === 'Sam Okafor');
    expect(samNow).toMatchObject({ role: 'supervisor', capacity: { chat: 7 } });

    const email = `noor-${Date.now()}@example.test`;
    await page.getByLabel("Member's email", exact).fill(email);
    await page.getByLabel("Member's name", exact).fill('Noor Haddad');
    await page.getByLabel("Member's role", exact).selectOption('agent');
    await page.getByLabel('First password', exact).fill('short');
    await page.getByRole('button', { name: 'Add member' }).click();
    const password = page.getByLabel('First password', exact);
    await seen(page.locator('input[type="password"][aria-invalid="true"]'));
    const described = (await password.getAttribute('aria-describedby'))!.split(' ').at(-1);
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/10 characters/);
    expect(await page.getByLabel("Member's email", exact).inputValue()).toBe(email);

    await password.fill('a long enough first password');
    await page.getByRole('button', { name: 'Add member' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'Noor Haddad was added as agent.' }));
    await seen(page.getByRole('row').filter({ hasText: 'Noor Haddad' }).filter({ hasText: email }));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tunes the quality rubric, refuses one that weighs nothing, and resets it', async () => {
    await page.getByRole('link', { name: 'Rubric' }).click();
    await seen(page.getByRole('heading', { name: 'Quality rubric' }));
    const weights = ['Empathy', 'Listening', 'Apology fit', 'Repeat ask', 'Clarity'];
    for (const w of weights) await page.getByLabel(`${w} weight`, exact).fill('0');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await seen(page.getByText('every criterion would weigh nothing'));
    expect(await page.getByLabel('Clarity weight', exact).inputValue()).toBe('0');
    expect((await api.get('/quality/rubric')).json.overrides).toEqual({});

    await page.getByRole('button', { name: 'Reset to the defaults' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'The defaults are back in force.' }));
    expect(await page.getByLabel('Clarity weight', exact).inputValue()).not.toBe('0');
    await page.getByLabel('Empathy weight', exact).fill('0.5');
    await page.getByLabel('Extra apology phrases', exact).fill('sorry for the wait\nour apologies');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-rubric');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'Rubric saved.' }));
    // Only what was changed is stored: the rest stays the default.
    expect((await api.get('/quality/rubric')).json.overrides).toEqual({
      weights: { empathy: 0.5 },
      extraPhrases: { apology: ['sorry for the wait', 'our apologies'] },
    });
  });

  it("adds a mailbox with its secret shown once, lists its mail and where it went, and shows an email's HTML sandboxed", async () => {
    await page.getByRole('link', { name: 'Email mailboxes' }).click();
    await seen(page.getByRole('heading', { name: 'Add a mailbox' }));
    const address = `help-${Date.now()}@acme.test`;
    await page.getByLabel('Address', exact).fill(address);
    await page.getByLabel('Mailbox name', exact).fill('Help desk');
    await page.getByRole('button', { name: 'Add mailbox' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'shown this once' });
    await seen(shown);
    const [url, bearer] = await shown.locator('code').allTextContents();
    const mailbox = {
      id: /channels\/email\/([0-9a-f-]{36})\/inbound/.exec(url!)![1]!,
      inboundSecret: bearer!.slice(7),
    };
    expect(await seriousViolations(page)).toEqual([]);

    // Mail arrives as a provider posts it; the parsing job runs here, as a worker would.
    const html = composeMail({
      from: 'Lena Fischer <lena@customer.example>',
      to: address,
      subject: 'Invoice 4471 looks wrong',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<p>The <b>total</b> on invoice 4471 is twice the quote.</p><script>parent.document.title="ran"</script>',
    });
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x42]);
    for (const raw of [html, garbage]) {
      const posted = await postMail(server.t, mailbox, raw);
      expect(posted.status).toBe(202);
      await parseInbound(posted.json.id);
    }

    await page.reload();
    const listed = page.getByRole('row').filter({ hasText: address });
    await seen(listed);
    expect(await listed.getByRole('cell').nth(2).textContent()).toBe('1'); // unparsed
    await listed.getByRole('button', { name: 'Help desk' }).click();
    await seen(page.getByRole('heading', { name: 'Mail log' }));
    const log = page.getByRole('table', { name: 'Mail log' });
    const unparsed = log.getByRole('row').filter({ hasText: 'unparsed' });
    const threaded = log.getByRole('row').filter({ hasText: 'Invoice 4471 looks wrong' });
    await seen(threaded.filter({ hasText: 'new conversation' }));
    await seen(unparsed);
    expect(await seriousViolations(page)).toEqual([]);
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-mailboxes');
    await unparsed.getByRole('button', { name: /^Retry/ }).click();
    await unparsed.waitFor({ state: 'detached', timeout: WAIT });
    await seen(log.getByRole('row').filter({ hasText: 'received' }).filter({ hasText: 'Unknown' }));

    await page.getByLabel('Mailbox name', exact).fill('Help desk (EU)');
    await page.getByRole('button', { name: 'Save mailbox' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'Mailbox saved.' }));
    await seen(page.getByRole('button', { name: 'Help desk (EU)' }));

    await threaded.getByRole('link', { name: /^Open/ }).click();
    await seen(page.getByRole('heading', { name: /Invoice 4471 looks wrong/ }));
    await page.getByText('Show the formatted email').click();
    const frame = page.locator('iframe.email-html');
    await seen(frame);
    expect(await frame.getAttribute('sandbox')).not.toMatch(/allow-scripts|allow-same-origin/);
    await seen(page.frameLocator('iframe.email-html').getByText('is twice the quote.'));
    expect(await page.frameLocator('iframe.email-html').locator('b').textContent()).toBe('total');
    expect(await page.title()).toBe('Earshot');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goBack();
    await page.getByRole('button', { name: 'Help desk (EU)' }).click();
    await page.getByRole('button', { name: 'Delete Help desk (EU)' }).click();
    await page.keyboard.press('Enter');
    await seen(page.getByRole('heading', { name: 'Add a mailbox' }));
    await page.getByRole('row').filter({ hasText: address }).waitFor({ state: 'detached', timeout: WAIT });
    expect((await api.get(`/channels/email/${mailbox.id}`)).status).toBe(404);
  });

  it('adds a mailbox fetched over IMAP, and shows why fetching fails', async () => {
    await seen(page.getByRole('heading', { name: 'Add a mailbox' }));
    const address = `legacy-${Date.now()}@acme.test`;
    await page.getByLabel('Address', exact).fill(address);
    await page.getByLabel('Mailbox name', exact).fill('Legacy inbox');
    await page.getByLabel('Fetch it from another mail server over IMAP').check();
    await page.getByLabel('IMAP host', exact).fill('127.0.0.1');
    await page.getByLabel('IMAP port', exact).fill('1'); // nothing listens there
    await page.getByLabel('TLS from the start (port 993)').uncheck();
    await page.getByLabel('IMAP user', exact).fill('legacy');
    await page.getByLabel('IMAP password', exact).fill('an imap password');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add mailbox' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'shown this once' });
    await seen(shown.filter({ hasText: address }));
    const url = (await shown.locator('code').first().textContent())!;
    const id = /channels\/email\/([0-9a-f-]{36})\/inbound/.exec(url)![1]!;
    const row = page.getByRole('row').filter({ hasText: address });
    await seen(row.filter({ hasText: 'IMAP 127.0.0.1' }).filter({ hasText: 'not read yet' }));

    // One round of fetching, as the poll job would run it: the server cannot be reached.
    expect(await pollImapMailbox(server.t.deps, id)).toHaveProperty('error');
    await page.reload();
    await seen(row.filter({ hasText: 'Error:' }));
    const stored = (await api.get(`/channels/email/${id}`)).json.imap;
    expect(stored).toMatchObject({ host: '127.0.0.1', port: 1, secure: false, user: 'legacy' });
    expect(await row.textContent()).toContain(stored.lastError);
  });

  it("shows the chat widget's tag to paste, changes who may chat, and issues a new secret", async () => {
    await page.getByRole('link', { name: 'Chat widget' }).click();
    await seen(page.getByRole('heading', { name: 'Chat widget' }));
    const widget = (await api.get('/channels/widget')).json;
    await seen(page.getByText(`data-workspace="${widget.workspaceKey}"`));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-chat-widget');
    await page.getByLabel('Visitors who are not signed in may chat').uncheck();
    await page.getByLabel('Team that answers chats').selectOption({ label: 'Billing' });
    await page.getByRole('button', { name: 'Issue a new secret' }).click();
    await page.getByRole('button', { name: /Issue it/ }).click();
    await seen(page.getByText('The previous secret still works until'));
    // Each control saved on its own request: wait for all three to be stored.
    await expect
      .poll(async () => (await api.get('/channels/widget')).json, { timeout: WAIT })
      .toMatchObject({ anonymousAllowed: false, teamId: expect.any(String) });
    const saved = (await api.get('/channels/widget')).json;
    expect(saved.signingSecret).not.toBe(widget.signingSecret);
    await seen(page.getByText(saved.signingSecret));
    expect(await page.getByLabel('Visitors who are not signed in may chat').isChecked()).toBe(false);
  });

  it('alerts an administrator on every screen, live, when a review feed refuses its credentials', async () => {
    // A review site's feed that refuses the token.
    const feed = createServer((_req, res) => res.writeHead(401).end('{"error":"token expired"}'));
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/reviews`;
      const source = await api.post('/channels/reviews', {
        name: 'Trustpilot UK',
        source: 'trustpilot',
        pull: { url, token: 'expired' },
      });
      expect(source.status, source.text).toBe(201);
      await page.goto(server.url);
      await seen(page.getByRole('heading', { name: 'Inbox' }));
      expect(await page.getByText(/Trustpilot UK receives nothing/).count()).toBe(0);
      expect(await pullSource(server.t.deps, source.json.id)).toMatchObject({ needsReauth: true });
      // Shown without a reload, on the inbox, with the way to fix it.
      const alert = page.getByRole('alert').filter({ hasText: 'Trustpilot UK receives nothing' });
      await seen(alert);
      expect(await seriousViolations(page)).toEqual([]);
      await alert.getByRole('link', { name: 'Enter new ones' }).click();
      await seen(page.getByRole('heading', { name: 'Reviews and social mentions' }));
      const fixed = await api.patch(`/channels/reviews/${source.json.id}`, { pull: { url, token: 'fresh' } });
      expect(fixed.json).toMatchObject({ status: 'active' });
      await page.reload();
      await seen(page.getByRole('heading', { name: 'Reviews and social mentions' }));
      expect(await page.getByText(/Trustpilot UK receives nothing/).count()).toBe(0);
    } finally {
      await new Promise((resolve) => feed.close(resolve));
    }
  });

  it('lists the keyboard shortcuts under ?, and works the inbox with them', async () => {
    await page.goto(server.url);
    await seen(page.getByRole('heading', { name: 'Inbox' }));
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await seen(dialog);
    expect(await dialog.textContent()).toContain('Go to the inbox');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: WAIT });

    await page.keyboard.press('4');
    await seen(page.getByRole('button', { name: 'Waiting on customer', pressed: true }));
    await page.keyboard.press('1');
    await seen(page.getByRole('button', { name: 'All', pressed: true }));
    await seen(page.getByRole('row').filter({ hasText: 'Order question 25' }));
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await seen(page.getByLabel('Reply', exact));
    await page.keyboard.press('r');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    await page.evaluate('document.activeElement.blur()');
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await seen(page.getByRole('heading', { name: 'Inbox' }));
  });

  it('switches to another workspace the person belongs to, and back', async () => {
    const globex = await server.t.workspace('Globex Care');
    const added = await server.t.as(globex.apiKey).post('/users', { email: ws.email, role: 'agent' });
    expect(added.status, added.text).toBe(201);
    await page.goto(server.url);
    const picker = page.getByLabel('Workspace', exact);
    await seen(picker);
    expect(await seriousViolations(page)).toEqual([]);
    await picker.selectOption({ label: 'Globex Care (agent)' });
    await page.getByRole('button', { name: 'Switch' }).click();
    // An agent there: no settings, and none of Acme's conversations.
    await seen(page.getByText('No conversations in this view.'));
    expect(await picker.inputValue()).toBe(globex.workspaceId);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await seen(page.getByRole('status').filter({ hasText: 'Live' }));

    await picker.selectOption({ label: 'Acme Support (owner)' });
    await picker.press('Tab');
    await page.keyboard.press('Enter');
    await seen(page.getByRole('row').filter({ hasText: 'Order question 25' }));
    await seen(page.getByRole('link', { name: 'Settings' }));
  });

  it('is readable at 200% zoom: nothing needed is cut off, and the page never scrolls sideways', async () => {
    // A 1280×800 window at 200% zoom: a 640×400 CSS-pixel viewport at two device pixels per pixel.
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    try {
      const p = await zoomed.newPage();
      const problems = watchConsole(p);
      await signIn(p, ws.email, ws.password);
      expect(await p.evaluate('[innerWidth, devicePixelRatio]')).toEqual([640, 2]);
      const sideways = () =>
        p.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      /** Scrolled to, it is wholly inside the 640-pixel width. */
      const within = async (locator: Locator) => {
        await locator.scrollIntoViewIfNeeded();
        const box = (await locator.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(640);
      };
      await seen(p.getByRole('row').filter({ hasText: 'Order question 25' }));
      expect(await sideways()).toBeLessThanOrEqual(0);
      await within(p.getByRole('button', { name: 'Sign out' }));
      await within(p.getByRole('link', { name: 'Order question 25' }));
      await screenshot(p, 'inbox-200-percent');

      await p.getByRole('link', { name: 'Order question 25' }).click();
      const reply = p.getByLabel('Reply', exact);
      await seen(reply);
      expect(await sideways()).toBeLessThanOrEqual(0);
      await within(reply);
      await within(p.getByRole('button', { name: 'Send', exact: true }));
      await reply.fill('Sent at 200% zoom.');
      await p.getByRole('button', { name: 'Send', exact: true }).click();
      await seen(p.getByRole('listitem').filter({ hasText: 'Sent at 200% zoom.' }));
      await screenshot(p, 'conversation-200-percent');

      for (const [link, heading] of [
        ['Supervisor', 'Live queues'],
        ['Settings', 'Users and roles'],
      ] as const) {
        await p.getByRole('link', { name: link }).click();
        await seen(p.getByRole('heading', { name: heading }));
        expect(await sideways(), link).toBeLessThanOrEqual(0);
      }
      await within(p.getByRole('button', { name: 'Edit Sam Okafor' }));
      await p.getByRole('link', { name: 'Email mailboxes' }).click();
      await seen(p.getByRole('heading', { name: 'Add a mailbox' }));
      expect(await sideways()).toBeLessThanOrEqual(0);
      await within(p.getByRole('button', { name: 'Add mailbox' }));
      expect(problems).toEqual([]);
    } finally {
      await zoomed.close();
    }
  });

  it('renders the inbox of a workspace with 10,000 open conversations quickly', async () => {
    const big = await server.t.workspace('Big Support');
    const customer = await helpDesk(server.t.as(big.apiKey)).customer();
    // Written in one statement (the API would take minutes); numbered clear of the API's counter.
    await server.t.deps.db.execute(sql`
      INSERT INTO conversations (workspace_id, display_id, customer_id, channel, subject, last_activity_at)
      SELECT ${big.workspaceId}, 100000 + g, ${customer.id}, 'chat', 'Bulk question ' || g,
             now() - g * interval '1 second'
      FROM generate_series(1, 10000) AS g`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await context.newPage();
      await signIn(other, big.email, big.password);
      const started = Date.now();
      await other.reload();
      await seen(
        other.getByRole('row').filter({ hasText: 'Bulk question 1' }).filter({ hasText: 'Dana Reyes' }),
      );
      const ms = Date.now() - started;
      console.log(
        `inbox first render, 10,000 open conversations: ${ms} ms (page load to rows with customers)`,
      );
      // The target is 1 s on an idle machine; the bound leaves room for a loaded one.
      expect(ms).toBeLessThan(5_000);
    } finally {
      await context.close();
    }
  });

  it('signs out, and nothing was refused by the page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await seen(page.getByRole('button', { name: 'Sign in' }));
    expect(consoleProblems).toEqual([]);
  });
});
