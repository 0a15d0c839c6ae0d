import { sql } from 'drizzle-orm';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../support/help-desk.js';
import {
  browserAvailable,
  launchChromium,
  screenshot,
  seriousViolations,
  startWebServer,
  watchConsole,
  type WebServer,
} from './browser.js';

// The agents' web app, served by the real HTTP edge and driven in Debian's Chromium: each test
// continues where the previous one left off, as one agent's working session would.
const WAIT = 15_000;
const seen = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: WAIT });
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

  it('creates a team and an API key in the settings, the key shown once', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await seen(page.getByRole('heading', { name: 'Teams' }));
    await page.getByLabel('Team name', exact).fill('Retention');
    await page.getByRole('button', { name: 'Create team' }).click();
    await seen(page.getByRole('listitem').filter({ hasText: 'Retention' }));
    await page.getByLabel('Key name', exact).fill('Order system');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'shown this once' });
    await seen(shown);
    const key = (await shown.locator('code').textContent())!;
    expect((await server.t.as(key).get('/conversations?limit=1')).status).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings');
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

  it('is readable at 200% zoom: no horizontal scrolling of the page', async () => {
    // 1280×800 at 200% zoom lays out as a 640×400 CSS-pixel viewport.
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      const overflow = () =>
        page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      await page.goto(server.url);
      await seen(page.getByRole('row').filter({ hasText: 'Order question 25' }));
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByRole('link', { name: 'Order question 25' }).click();
      await seen(page.getByLabel('Reply', exact));
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
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
