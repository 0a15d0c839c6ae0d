import { ImapFlow } from 'imapflow';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../test/support/dovecot.js';
import { composeMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { pollImapJob } from './poll-imap-job.js';
import { pollImapMailbox } from './poll-imap.js';

let dovecot: Dovecot;
let t: TestApp;
let api: ReturnType<TestApp['as']>;
let key: string;
let mailbox: { id: string; address: string };

// The customer's side of the hosted mailbox: mail is delivered into it by IMAP APPEND.
async function imapClient() {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  return client;
}
async function deliver(raw: Buffer) {
  const client = await imapClient();
  await client.append('INBOX', raw);
  await client.logout();
}
async function flags() {
  const client = await imapClient();
  await client.mailboxOpen('INBOX', { readOnly: true });
  const all: string[][] = [];
  for await (const m of client.fetch('1:*', { flags: true })) all.push([...(m.flags ?? [])]);
  await client.logout();
  return all;
}

const poll = () => pollImapMailbox(t.deps, mailbox.id);
const log = async () =>
  (await api.get(`/channels/email/${mailbox.id}/messages?limit=200`)).json.data as {
    id: string;
    via: string;
    state: string;
    messageId: string;
  }[];

beforeAll(async () => {
  dovecot = await startDovecot();
  t = await createTestApp({ workers: true });
  // These tests poll by hand and count what each poll stored: the minute's scheduled poll is off.
  await t.background!.queue.boss.unschedule('email.poll-imap');
  key = (await t.workspace('Acme')).apiKey;
  api = t.as(key);
  const created = await api.post('/channels/email', {
    address: 'hosted@acme.test',
    name: 'Hosted',
    imap: {
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      user: dovecot.user,
      password: dovecot.password,
    },
  });
  expect(created.status, created.text).toBe(201);
  mailbox = created.json;
});
afterAll(async () => {
  await t?.close();
  await dovecot?.stop();
});

describe('IMAP fetching against a real dovecot', () => {
  it('never returns the password, and shows the checkpoint, lag and last error', async () => {
    const shown = (await api.get(`/channels/email/${mailbox.id}`)).json;
    expect(JSON.stringify(shown)).not.toContain(dovecot.password);
    expect(shown.imap).toMatchObject({ host: '127.0.0.1', user: dovecot.user, folder: 'INBOX', lastUid: 0 });
    expect(shown.imap.lagSeconds).toBeNull();
  });

  it('stores a delivered mail once, raw and via imap, leaves it unread, and a restart re-reads nothing', async () => {
    const raw = composeMail({
      from: 'Cleo <cleo@customer.example>',
      to: mailbox.address,
      messageId: '<imap1@customer.example>',
    });
    await deliver(raw);
    expect(await poll()).toEqual({ stored: 1 });
    const entries = await log();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.via).toBe('imap');
    expect((await routed(api, mailbox.id, entries[0]!.id)).state).toBe('new_conversation');
    const res = await t.app.request(`/api/v1/messages/${entries[0]!.id}/raw`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
    // A poll with nothing new, as after a restart: the checkpoint says all is read.
    expect(await poll()).toEqual({ stored: 0 });
    expect(await log()).toHaveLength(1);
    // \Seen untouched: the folder was opened read-only and read with BODY.PEEK.
    expect(await flags()).toEqual([expect.not.arrayContaining(['\\Seen'])]);
    const shown = (await api.get(`/channels/email/${mailbox.id}`)).json.imap;
    expect(shown).toMatchObject({ lastUid: 1, lastError: null });
    expect(shown.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('reads mail someone already read in their client, by UID, not by \\Seen', async () => {
    const client = await imapClient();
    await client.append(
      'INBOX',
      composeMail({ from: 'dan@customer.example', messageId: '<imap2@customer.example>' }),
      ['\\Seen'],
    );
    await client.logout();
    expect(await poll()).toEqual({ stored: 1 });
    const entries = await log();
    expect(entries).toHaveLength(2);
    const entry = await routed(api, mailbox.id, entries[0]!.id);
    expect(entry).toMatchObject({ messageId: 'imap2@customer.example', state: 'new_conversation' });
  });

  it('reads the folder again when its UIDVALIDITY changes, and the copies collapse as duplicates', async () => {
    const before = (await api.get(`/channels/email/${mailbox.id}`)).json.imap.uidValidity;
    dovecot.doveadm([
      'mailbox',
      'update',
      '-u',
      dovecot.user,
      '--uid-validity',
      String(Number(before) + 1000),
      'INBOX',
    ]);
    expect(await poll()).toEqual({ stored: 2 });
    const entries = await log();
    expect(entries).toHaveLength(4);
    const states = await Promise.all(entries.map(async (e) => (await routed(api, mailbox.id, e.id)).state));
    expect(states.filter((s) => s === 'duplicate')).toHaveLength(2);
    expect((await api.get(`/channels/email/${mailbox.id}`)).json.imap.uidValidity).toBe(
      String(Number(before) + 1000),
    );
    expect(await poll()).toEqual({ stored: 0 });
  });

  it('lets one fetcher at a time hold a mailbox', async () => {
    const [a, b] = await Promise.all([poll(), poll()]);
    expect([a, b]).toContainEqual({ skipped: 'leased' });
  });

  it('is polled by the minute job, every IMAP mailbox in turn', async () => {
    const before = (await log()).length;
    await deliver(composeMail({ from: 'eve@customer.example', messageId: '<imap3@customer.example>' }));
    await pollImapJob.handler(
      {},
      {
        ...t.deps,
        jobId: 'test',
        jobName: pollImapJob.name,
        retryCount: 0,
        logger: pino({ level: 'silent' }),
        signal: new AbortController().signal,
      },
    );
    expect(await log()).toHaveLength(before + 1);
  });

  it('keeps the error on the mailbox when the server refuses', async () => {
    const bad = await api.post('/channels/email', {
      address: 'wrong@acme.test',
      name: 'Wrong password',
      imap: { host: '127.0.0.1', port: dovecot.port, secure: false, user: dovecot.user, password: 'nope' },
    });
    const result = await pollImapMailbox(t.deps, bad.json.id);
    expect(result).toHaveProperty('error');
    expect((await api.get(`/channels/email/${bad.json.id}`)).json.imap.lastError).toBeTruthy();
  });
});
