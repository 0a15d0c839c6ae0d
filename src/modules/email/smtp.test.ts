import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/env.js';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { asReceivedOverSmtp, sendSmtp } from '../../../test/support/smtp-client.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { ListenerDeps } from '../../platform/events/define-listener.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';
import { smtpService } from './smtp-service.js';
import { freePort } from '../../../test/support/free-port.js';

const env = { LOG_LEVEL: 'silent', SESSION_SECRET: 's'.repeat(40), EARSHOT_DATA_DIR: '/nonexistent-unused' };

const maxBytes = 64 * 1024;
let t: TestApp;
let smtp: SmtpListener;
let api: ReturnType<TestApp['as']>;
let other: ReturnType<TestApp['as']>;
let deps: ListenerDeps;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  deps = { ...t.deps, jobs: t.background!.queue };
  // Port 0: the system picks a free port, so test files running side by side never collide.
  smtp = await startSmtpListener(deps, { port: 0, host: '127.0.0.1', maxBytes });
  api = t.as((await t.workspace('Acme')).apiKey);
  other = t.as((await t.workspace('Globex')).apiKey);
});
afterAll(async () => {
  await smtp?.stop();
  await t.close();
});

let n = 0;
const newMailbox = async (as = api) => {
  const res = await as.post('/channels/email', { address: `help${++n}@smtp.test`, name: 'Help' });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; address: string; inboundSecret: string };
};
const log = async (mailboxId: string, as = api) =>
  (await as.get(`/channels/email/${mailboxId}/messages`)).json.data as { id: string; [k: string]: unknown }[];

describe('the SMTP listener', () => {
  it('announces its size limit', async () => {
    const mailbox = await newMailbox();
    const result = await sendSmtp(
      smtp.port,
      { from: 'a@x.example', to: [mailbox.address] },
      composeMail({ from: 'a@x.example' }),
    );
    expect(result.ehlo.text).toContain(`SIZE ${maxBytes}`);
  });

  it('refuses unknown recipients at RCPT with 550 and takes plus-addressed mail for the mailbox', async () => {
    const mailbox = await newMailbox();
    const tagged = mailbox.address.replace('@', '+order-17@');
    const raw = composeMail({ from: 'Ann <ann@customer.example>', to: tagged });
    const result = await sendSmtp(
      smtp.port,
      { from: 'ann@customer.example', to: ['nobody@smtp.test', tagged] },
      raw,
    );
    expect(result.rcpt.map((r) => r.code)).toEqual([550, 250]);
    expect(result.data?.code).toBe(250);
    // 250 came after the commit: the mail is in the log the moment the sender hears it.
    const entries = await log(mailbox.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ via: 'smtp', size: asReceivedOverSmtp(raw).length });
    const entry = await routed(api, mailbox.id, entries[0]!.id);
    expect(entry.state).toBe('new_conversation');
  });

  it('answers 552 to a message over the limit, announced or not, and keeps nothing of it', async () => {
    const mailbox = await newMailbox();
    const announced = await sendSmtp(
      smtp.port,
      { from: 'big@x.example', to: [mailbox.address], size: maxBytes + 1 },
      composeMail({ from: 'big@x.example' }),
    );
    expect(announced.mailFrom.code).toBe(552);
    const big = composeMail({ from: 'big@x.example', body: 'x'.repeat(76).concat('\r\n').repeat(1000) });
    expect(big.length).toBeGreaterThan(maxBytes);
    const sent = await sendSmtp(smtp.port, { from: 'big@x.example', to: [mailbox.address] }, big);
    expect(sent.data?.code).toBe(552);
    expect(await log(mailbox.id)).toEqual([]);
  });

  it('stores one copy in each workspace the envelope names', async () => {
    const mine = await newMailbox();
    const theirs = await newMailbox(other);
    const raw = composeMail({ from: 'both@customer.example' });
    const result = await sendSmtp(
      smtp.port,
      { from: 'both@customer.example', to: [mine.address, theirs.address] },
      raw,
    );
    expect(result.data?.code).toBe(250);
    expect(await log(mine.id)).toHaveLength(1);
    expect(await log(theirs.id, other)).toHaveLength(1);
    expect((await api.get(`/channels/email/${theirs.id}/messages`)).status).toBe(404);
  });

  it('answers 451 when the database cannot store the message, so the sender retries', async () => {
    const mailbox = await newMailbox();
    // The recipient lookup still works; the transaction that stores the mail fails.
    const broken = {
      ...deps,
      handle: { ...deps.handle, kind: 'pglite' },
      db: new Proxy(deps.db, {
        get: (target, name) =>
          name === 'transaction'
            ? () => Promise.reject(new Error('database down'))
            : Reflect.get(target, name),
      }),
    } as ListenerDeps;
    const failing = await startSmtpListener(broken, { port: 0, host: '127.0.0.1', maxBytes });
    try {
      const result = await sendSmtp(
        failing.port,
        { from: 'a@x.example', to: [mailbox.address] },
        composeMail({ from: 'a@x.example' }),
      );
      expect(result.rcpt[0]?.code).toBe(250);
      expect(result.data?.code).toBe(451);
    } finally {
      await failing.stop();
    }
    expect(await log(mailbox.id)).toEqual([]);
  });

  it('makes one message of the same mail arriving by SMTP and again over HTTP', async () => {
    const mailbox = await newMailbox();
    const raw = composeMail({ from: 'twice@customer.example' });
    expect(
      (await sendSmtp(smtp.port, { from: 'twice@customer.example', to: [mailbox.address] }, raw)).data?.code,
    ).toBe(250);
    const [bySmtp] = await log(mailbox.id);
    const first = await routed(api, mailbox.id, bySmtp!.id);
    const posted = await postMail(t, mailbox, raw);
    const second = await routed(api, mailbox.id, posted.json.id);
    expect(second).toMatchObject({ via: 'http', state: 'duplicate', messageRef: first.messageRef });
  });

  it('is a service that EARSHOT_SMTP_PORT turns off with 0 and on with a port', async () => {
    const off = await smtpService.start({ ...deps, config: parseConfig({ ...env, EARSHOT_SMTP_PORT: '0' }) });
    await off();
    const port = await freePort();
    const stop = await smtpService.start({
      ...deps,
      config: parseConfig({ ...env, HOST: '127.0.0.1', EARSHOT_SMTP_PORT: String(port) }),
    });
    try {
      const mailbox = await newMailbox();
      const result = await sendSmtp(
        port,
        { from: 'a@x.example', to: [mailbox.address] },
        composeMail({ from: 'a@x.example' }),
      );
      expect(result.data?.code).toBe(250);
      expect(result.ehlo.text).toContain(`SIZE ${25 * 1024 * 1024}`);
    } finally {
      await stop();
    }
  });

  it('keeps the null return path: mail from <> is an automatic answer, not a conversation', async () => {
    const mailbox = await newMailbox();
    const raw = composeMail({ from: 'Someone <someone@customer.example>', subject: 'Read: your message' });
    const result = await sendSmtp(smtp.port, { from: '', to: [mailbox.address] }, raw);
    expect(result.data?.code).toBe(250);
    const [entry] = await log(mailbox.id);
    expect((await routed(api, mailbox.id, entry!.id)).state).toBe('auto_reply');
  });
});
