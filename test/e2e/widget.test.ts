import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../support/help-desk.js';
import * as e2e from './browser.js';
import type { WebServer } from './browser.js';

// The chat widget on its demo page, served by the real HTTP edge under its strict CSP and driven in
// Debian's Chromium, against the real visitor API; an agent answers through the staff API. The
// tests continue one visitor's story: write, ask for a person, get an answer, lose the network.
const WAIT = 30_000;
const seen = (locator: Locator) => e2e.seen(locator, WAIT);

type Item = { seq: number; role: string; text: string; clientId?: string | null };

describe.skipIf(!e2e.browserAvailable())('the chat widget in a real browser', { timeout: 120_000 }, () => {
  let server: WebServer;
  let browser: Browser;
  let visitor: BrowserContext;
  let page: Page;
  let consoleProblems: string[];
  let api: ReturnType<WebServer['t']['as']>;
  let widget: { workspaceKey: string; signingSecret: string };
  let conversationId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([e2e.startWebServer(), e2e.launchChromium()]);
    const ws = await server.t.workspace('Acme Support');
    api = server.t.as(ws.apiKey);
    // The widget's chats join the Support team's queue; its one agent is not online, so they wait.
    const desk = helpDesk(api);
    const team = await desk.team('Support', [(await desk.member('agent', 'Sam Okafor')).id]);
    const settings = await api.patch('/channels/widget', { anonymousAllowed: true, teamId: team.id });
    expect(settings.status, settings.text).toBe(200);
    widget = settings.json;
    visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await visitor.newPage();
    consoleProblems = e2e.watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const demo = (query: Record<string, string> = {}) =>
    `${server.url}/widget/demo?${new URLSearchParams({ key: widget.workspaceKey, ...query })}`;
  const panel = (p: Page) => p.getByRole('dialog');
  const log = (p: Page) => panel(p).getByRole('list', { name: 'Conversation' });
  /** Messages the server acknowledged, as the widget shows them (by sequence number). */
  // Run in the page as strings: the test's own types have no DOM. The widget's root is open.
  const inWidget = (p: Page, expression: string) =>
    p.evaluate(
      `(() => { const root = document.querySelector('.earshot-widget').shadowRoot; return ${expression}; })()`,
    );
  const shown = (p: Page) =>
    inWidget(
      p,
      `[...root.querySelectorAll('li[data-seq]')].map((li) => ({ seq: Number(li.dataset.seq), text: li.querySelector('p').textContent }))`,
    ) as Promise<{ seq: number; text: string }[]>;
  const stored = (p: Page): Promise<any> =>
    p.evaluate(`JSON.parse(localStorage.getItem('earshot-widget:${widget.workspaceKey}') ?? '{}')`);

  /** The conversation's messages as the visitor API has them, read with the visitor's own token. */
  async function serverMessages(p: Page): Promise<Item[]> {
    const saved = await stored(p);
    const res = await server.t.app.request(
      `/api/v1/widget/conversations/${saved.conversationId}/messages?after=0`,
      {
        headers: { authorization: `Bearer ${saved.session.token}` },
      },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Item[] }).items;
  }

  /**
   * Each text is on the server once, and the screen shows exactly the server's messages, once
   * each, in sequence order, with nothing left waiting to be sent.
   */
  async function expectOnceEach(onServer: Item[], texts: string[]) {
    for (const text of texts) expect(onServer.filter((m) => m.text === text)).toHaveLength(1);
    await expect
      .poll(async () => (await shown(page)).map((m) => m.seq), { timeout: WAIT })
      .toEqual(onServer.map((m) => m.seq).sort((a, b) => a - b));
    const onScreen = (await shown(page)).map((m) => m.text);
    expect(new Set(onScreen).size).toBe(onScreen.length);
    expect(await log(page).locator('li.pending').count()).toBe(0);
  }

  it('loads from its one script tag under the strict CSP, styled in its shadow root', async () => {
    await page.goto(demo());
    await seen(page.getByRole('button', { name: /Chat with us/ }));
    // Styled by its constructed stylesheet, which the page's style-src 'self' did not refuse.
    expect(await inWidget(page, `getComputedStyle(root.querySelector('.launcher')).position`)).toBe('fixed');
    expect(consoleProblems).toEqual([]);
  });

  it('lets a visitor write, ask for a person and see their place in the queue', async () => {
    await page.getByRole('button', { name: /Chat with us/ }).click();
    await seen(panel(page));
    // The door to a person is on the first screen, before anything is written.
    await seen(panel(page).getByRole('button', { name: 'Talk to a person' }));
    await page.getByLabel('Your message').fill('Hello, my order has not arrived.');
    await page.getByLabel('Your message').press('Enter');
    await seen(log(page).locator('li[data-seq]').filter({ hasText: 'Hello, my order has not arrived.' }));

    await panel(page).getByRole('button', { name: 'Talk to a person' }).first().click();
    await seen(
      panel(page)
        .getByRole('status')
        .filter({ hasText: /You are number \d+ in the queue/ }),
    );
    conversationId = (await stored(page)).conversationId;
    expect(conversationId).toBeTruthy();
    await e2e.screenshot(page, 'widget-queue');
    expect(await e2e.seriousViolations(page)).toEqual([]);
  });

  it('past the threshold offers to keep the place with a callback or an email, and shows the reference', async () => {
    const threshold = await api.patch('/channels/widget', { callbackOfferAfterSeconds: 0 });
    expect(threshold.status, threshold.text).toBe(200);
    // The next poll (every 10 s) brings the offer.
    const form = panel(page).getByRole('button', { name: 'Keep my place' });
    await seen(form);
    await panel(page).getByLabel('or email').fill('visitor@example.com');
    await form.click();
    await seen(panel(page).getByText(/you keep your place\. Your reference is \S+/));
    await e2e.screenshot(page, 'widget-callback');
    expect(await e2e.seriousViolations(page)).toEqual([]);
  });

  it('shows the agent’s answer as it is written', async () => {
    await helpDesk(api).say(conversationId, 'agent', 'Hi, Sam here: let me look at your order.');
    await seen(log(page).getByText('Hi, Sam here: let me look at your order.'));
    expect(await e2e.seriousViolations(page)).toEqual([]);
  });

  it('loses and doubles nothing when the connection drops while both sides write', async () => {
    await visitor.setOffline(true);
    try {
      await page.getByLabel('Your message').fill('Are you still there?');
      await page.getByLabel('Your message').press('Enter');
      // Written while offline: shown as waiting, kept in the browser until the server has it.
      await seen(log(page).locator('li.pending').filter({ hasText: 'Are you still there?' }));
      await seen(log(page).getByText('Not sent yet: it goes as soon as you are back online'));
      expect((await stored(page)).pending).toHaveLength(1);
      await helpDesk(api).say(conversationId, 'agent', 'Found it: it ships tomorrow.');
    } finally {
      await visitor.setOffline(false);
    }
    await seen(log(page).locator('li[data-seq]').filter({ hasText: 'Are you still there?' }));
    await seen(log(page).getByText('Found it: it ships tomorrow.'));
    await expect.poll(async () => (await stored(page)).pending.length, { timeout: WAIT }).toBe(0);

    await expectOnceEach(await serverMessages(page), [
      'Are you still there?',
      'Found it: it ships tomorrow.',
    ]);
  });

  it('reconnects after the server closes its socket, and loses and doubles nothing', async () => {
    // Every live socket the page opens, and whether it is still open.
    const sockets: { open: boolean }[] = [];
    const watch = (ws: { url(): string; on(event: 'close', f: () => void): unknown }) => {
      if (!ws.url().endsWith('/api/v1/widget/live')) return;
      const entry = { open: true };
      sockets.push(entry);
      ws.on('close', () => (entry.open = false));
    };
    page.on('websocket', watch);
    const problemsBefore = consoleProblems.length;
    try {
      const before = (await serverMessages(page)).length;
      server.dropSockets();
      // Both sides write while the widget has no socket (its reconnects are refused for now).
      await helpDesk(api).say(conversationId, 'agent', 'Sorry, we lost you for a moment.');
      await page.getByLabel('Your message').fill('Did my last message arrive?');
      await page.getByLabel('Your message').press('Enter');
      await seen(log(page).locator('li[data-seq]').filter({ hasText: 'Did my last message arrive?' }));
      server.allowSockets();

      // The widget opens a new socket by itself and fetches what it missed.
      await expect.poll(() => sockets.filter((x) => x.open).length, { timeout: WAIT }).toBe(1);
      await seen(log(page).getByText('Sorry, we lost you for a moment.'));
      // The new socket carries what is written next, live.
      await helpDesk(api).say(conversationId, 'agent', 'Back again: your parcel left the depot.');
      await seen(log(page).getByText('Back again: your parcel left the depot.'));

      const onServer = await serverMessages(page);
      expect(onServer).toHaveLength(before + 3);
      await expectOnceEach(onServer, [
        'Sorry, we lost you for a moment.',
        'Did my last message arrive?',
        'Back again: your parcel left the depot.',
      ]);
      // The console tells of the refused reconnects, and of nothing else.
      const logged = consoleProblems.splice(problemsBefore);
      expect(logged.filter((m) => !m.includes('/api/v1/widget/live'))).toEqual([]);
    } finally {
      server.allowSockets();
      page.off('websocket', watch);
    }
  });

  it('keeps an anonymous visitor’s conversation across a reload', async () => {
    await page.reload();
    await page.getByRole('button', { name: /Chat with us/ }).click();
    await seen(log(page).getByText('Found it: it ships tomorrow.'));
    const onServer = await serverMessages(page);
    await expect.poll(async () => (await shown(page)).length, { timeout: WAIT }).toBe(onServer.length);
    // Requests that failed while the test had the network off are expected; nothing else is.
    expect(consoleProblems.filter((m) => !m.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('is usable with the keyboard alone, and Escape gives focus back to the launcher', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(demo());
    const launcher = p.getByRole('button', { name: /Chat with us/ });
    await seen(launcher);
    // Inside the widget, focus is on an element of its shadow root.
    const focusedLabel = () =>
      p.evaluate<string>(`(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
        return inner?.getAttribute('aria-label') ?? inner?.textContent ?? '';
      })()`);
    for (let i = 0; i < 20 && !/Chat with us/.test(await focusedLabel()); i++) await p.keyboard.press('Tab');
    expect(await focusedLabel()).toMatch(/Chat with us/);
    await p.keyboard.press('Enter');
    await seen(panel(p));
    await expect
      .poll(() => p.evaluate('document.activeElement?.shadowRoot?.activeElement?.id'))
      .toBe('earshot-text');
    await p.keyboard.type('Typed with the keyboard only.');
    await p.keyboard.press('Enter');
    await seen(log(p).locator('li[data-seq]').filter({ hasText: 'Typed with the keyboard only.' }));
    expect(await e2e.seriousViolations(p)).toEqual([]);
    await p.keyboard.press('Escape');
    await panel(p).waitFor({ state: 'hidden', timeout: WAIT });
    expect(await focusedLabel()).toMatch(/Chat with us/);
    await context.close();
  });

  it('shows a customer signed by the host as verified, with their conversation on another browser', async () => {
    const customerId = `shop-customer-${Date.now()}`;
    const signature = createHmac('sha256', widget.signingSecret).update(customerId).digest('hex');
    const signed = { customerId, signature, name: 'Dana Reyes', email: 'dana@example.com' };

    const first = await browser.newContext();
    const p = await first.newPage();
    await p.goto(demo(signed));
    await p.getByRole('button', { name: /Chat with us/ }).click();
    await seen(panel(p).getByText('Verified: you are signed in'));
    await p.getByLabel('Your message').fill('Signed in and asking.');
    await p.getByLabel('Your message').press('Enter');
    await seen(log(p).locator('li[data-seq]').filter({ hasText: 'Signed in and asking.' }));
    await first.close();

    const other = await browser.newContext();
    const q = await other.newPage();
    await q.goto(demo(signed));
    await q.getByRole('button', { name: /Chat with us/ }).click();
    await seen(panel(q).getByText('Verified: you are signed in'));
    await seen(log(q).getByText('Signed in and asking.'));
    await other.close();
  });

  it("works on another site's page under that site's own strict CSP", async () => {
    // A shop at another origin (localhost rather than 127.0.0.1) that allows scripts and
    // connections from Earshot only, and no styles at all of its own.
    const earshot = server.url;
    const policy = [
      "default-src 'none'",
      `script-src ${earshot}`,
      `connect-src ${earshot} ${earshot.replace('http', 'ws')}`,
      "style-src 'none'",
    ].join('; ');
    const shop: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy });
      res.end(
        `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1></main>` +
          `<script src="${earshot}/widget.js" data-workspace="${widget.workspaceKey}" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      const problems = e2e.watchConsole(p);
      await p.goto(`http://localhost:${(shop.address() as AddressInfo).port}/`);
      await p.getByRole('button', { name: /Chat with us/ }).click();
      expect(await inWidget(p, `getComputedStyle(root.querySelector('.launcher')).position`)).toBe('fixed');
      await p.getByLabel('Your message').fill('Writing from the shop.');
      await p.getByLabel('Your message').press('Enter');
      await seen(log(p).locator('li[data-seq]').filter({ hasText: 'Writing from the shop.' }));
      const id = (await stored(p)).conversationId as string;
      await helpDesk(api).say(id, 'agent', 'Hello shop visitor.');
      await seen(log(p).getByText('Hello shop visitor.'));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => shop.close(resolve));
    }
  });

  it('labels an anonymous visitor unverified and never claims anyone is online when nobody is', async () => {
    await seen(panel(page).getByText('Not verified (guest chat)'));
    const config = (await (
      await server.t.app.request(`/api/v1/widget/config?workspaceKey=${widget.workspaceKey}`)
    ).json()) as { online: boolean };
    const header = await panel(page).locator('header').textContent();
    if (config.online) expect(header).toContain('Online now');
    else expect(header).not.toMatch(/online/i);
  });
  it("outside working hours says when the team is back in the visitor's own time zone, and never 'online'", async () => {
    // Working hours only tomorrow (UTC's tomorrow, in Berlin): closed now.
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][
      new Date(Date.now() + 86_400_000).getUTCDay()
    ];
    const calendar = await api.post('/calendars', {
      name: 'Tomorrow only',
      timezone: 'Europe/Berlin',
      hours: [{ day, from: '09:00', to: '10:00' }],
    });
    expect(calendar.status, calendar.text).toBe(201);
    expect((await api.patch('/channels/widget', { calendarId: calendar.json.id })).status).toBe(200);
    const config = (await (
      await server.t.app.request(`/api/v1/widget/config?workspaceKey=${widget.workspaceKey}`)
    ).json()) as { online: boolean; backAt: string };
    expect(config.online).toBe(false);

    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });
    try {
      const p = await context.newPage();
      await p.goto(demo());
      await p.getByRole('button', { name: /Chat with us/ }).click();
      const header = panel(p).locator('header');
      await seen(header.getByText(/Away, back/));
      const tokyo = new Intl.DateTimeFormat('en-US', {
        timeZone: 'Asia/Tokyo',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(config.backAt));
      const spaces = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
      expect(spaces(await header.textContent())).toContain(spaces(tokyo));
      expect(await header.textContent()).not.toMatch(/online/i);
      await seen(panel(p).getByText(/a person answers it when we are back/));
    } finally {
      await context.close();
    }
  });
});
