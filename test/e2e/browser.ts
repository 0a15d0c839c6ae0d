import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it): nothing is downloaded.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they fail in CI (CI=true), so a CI machine
 * cannot pass by skipping them; elsewhere they are skipped with a message saying how to run them.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `${chromiumPath} is missing: the end-to-end tests of the web app need Debian's Chromium (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n!!! SKIPPING the web app's end-to-end tests: ${message}\n`);
  return false;
}

// Flags for a machine with no network beyond localhost: without the background-networking ones
// Chromium keeps trying to reach Google's hosts. Playwright gives each launch a new empty profile.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Waits until the first element the locator finds is visible (a loaded machine: generous). */
export const seen = (locator: Locator, timeout = 15_000) =>
  locator.first().waitFor({ state: 'visible', timeout });

export type WebServer = {
  t: TestApp;
  url: string;
  close(): Promise<void>;
  /**
   * The server drops every open WebSocket from its side (as a crash, a deploy or a proxy's idle
   * timeout does) and refuses new ones until `allowSockets()`; HTTP keeps answering.
   */
  dropSockets(): void;
  allowSockets(): void;
};

/** The real HTTP edge (API, realtime socket and the built web app) listening on a free port. */
export async function startWebServer(): Promise<WebServer> {
  const t = await createTestApp();
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
  await t.app.attachServer(server);
  // Upgraded connections leave the HTTP server's own bookkeeping, so they are tracked here.
  const upgraded = new Set<Duplex>();
  let refusing = false;
  server.on('upgrade', (_req, socket: Duplex) => {
    if (refusing) return void socket.destroy();
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
  });
  return {
    t,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropSockets() {
      refusing = true;
      for (const socket of upgraded) socket.destroy();
    },
    allowSockets() {
      refusing = false;
    },
    async close() {
      await t.app.detachServer();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown }[] };

/**
 * axe-core's serious and critical violations on the page as it is now. axe is evaluated through
 * the DevTools protocol, so the page's Content-Security-Policy (no inline script) stays in force.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * With EARSHOT_SCREENSHOTS set to a folder (`npm run screenshots` sets docs/screenshots), saves
 * the page as the viewport shows it (1280×800), for the README; otherwise does nothing.
 */
export async function screenshot(page: Page, name: string) {
  const folder = process.env.EARSHOT_SCREENSHOTS;
  if (!folder) return;
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: path.join(folder, `${name}.png`) });
}

/** Messages the browser printed about refused scripts, styles or connections (CSP) or errors. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}
