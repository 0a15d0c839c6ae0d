import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { closeRelays } from './mail-transport.js';

type Received = { from: string; to: string[]; raw: Buffer };

// A real SMTP server standing in for the relay: whatever the app sends arrives here as bytes.
async function startRelay() {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    // The relay takes the credentials of EARSHOT_SMTP_URL, and only those.
    onAuth(auth, _session, done) {
      if (auth.username === 'user' && auth.password === 'pass') done(null, { user: auth.username });
      else done(new Error('Invalid username or password'));
    },
    closeTimeout: 100,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let relay: Awaited<ReturnType<typeof startRelay>>;
let withRelay: TestApp;
let withOutbox: TestApp;
let dataDir: string;

beforeAll(async () => {
  relay = await startRelay();
  dataDir = await mkdtemp(path.join(tmpdir(), 'earshot-outbox-'));
  withRelay = await createTestApp({
    workers: true,
    env: { EARSHOT_SMTP_URL: `smtp://user:pass@127.0.0.1:${relay.port}` },
  });
  withOutbox = await createTestApp({ workers: true, env: { EARSHOT_DATA_DIR: dataDir } });
});
afterAll(async () => {
  closeRelays();
  await withRelay?.close();
  await withOutbox?.close();
  await relay?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

let serial = 0;
/** A workspace with a mailbox and a conversation opened by a customer's mail. */
async function conversationByMail(t: TestApp) {
  const api = t.as((await t.workspace()).apiKey);
  const mailbox = (
    await api.post('/channels/email', { address: `support${++serial}@acme.test`, name: 'Acme Support' })
  ).json;
  const customer = `ann${serial}@customer.example`;
  const first = composeMail({
    from: `Ann <${customer}>`,
    to: mailbox.address,
    subject: 'Where is my parcel?',
    messageId: `<first${serial}@customer.example>`,
    references: [`<older${serial}@customer.example>`],
  });
  const posted = await postMail(t, mailbox, first);
  const entry = await routed(api, mailbox.id, posted.json.id);
  expect(entry.state).toBe('new_conversation');
  const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
  return { api, mailbox, customer, conversation, firstId: `first${serial}@customer.example` };
}

const deliveryOf = async (api: ReturnType<TestApp['as']>, conversationId: string, messageId: string) => {
  const conversation = (await api.get(`/conversations/${conversationId}`)).json;
  return conversation.messages.find((m: { id: string }) => m.id === messageId);
};

describe('an agent reply on an email conversation', () => {
  it('goes out through the relay as a reply to the customer, and its answer threads by the reply token', async () => {
    const { api, mailbox, customer, conversation, firstId } = await conversationByMail(withRelay);
    const note = await api.post(`/conversations/${conversation.id}/messages`, {
      role: 'agent',
      text: 'Internal: check the warehouse',
      internal: true,
    });
    expect(note.status).toBe(201);
    const reply = await api.post(`/conversations/${conversation.id}/messages`, {
      role: 'agent',
      text: 'Hello Ann,\n\nyour parcel left today.\nTracking: <b>42</b>',
    });
    expect(reply.status).toBe(201);

    const message = await waitUntil('the reply to be sent', async () => {
      const m = await deliveryOf(api, conversation.id, reply.json.id);
      expect(m.delivery?.state, JSON.stringify(m.delivery)).not.toBe('failed');
      return m.delivery?.state === 'sent' ? m : undefined;
    });
    const sent = relay.received.filter((r) => r.to.includes(customer));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.from).toBe(mailbox.address);
    const mail = await PostalMime.parse(sent[0]!.raw);
    const domain = mailbox.address.split('@')[1];
    expect(mail.from?.address).toBe(mailbox.address);
    expect(mail.from?.name).toBe('Acme Support');
    expect(mail.to?.[0]?.address).toBe(customer);
    expect(mail.subject).toBe(`Re: Where is my parcel? [#${conversation.displayId}]`);
    expect(mail.messageId).toMatch(new RegExp(`^<[^@]+@${domain!.replace('.', '\\.')}>$`));
    expect(mail.inReplyTo).toBe(`<${firstId}>`);
    expect(mail.references).toContain(`<older${serial}@customer.example>`);
    expect(mail.references).toContain(`<${firstId}>`);
    const replyTo = mail.replyTo?.[0]?.address ?? '';
    expect(replyTo).toMatch(new RegExp(`^${mailbox.address.split('@')[0]}\\+r-[0-9a-f]{20}@${domain}$`));
    expect(mail.text).toContain('your parcel left today.');
    // The agent's text is escaped in the HTML part, never markup.
    expect(mail.html).toContain('Tracking: &lt;b&gt;42&lt;/b&gt;');
    expect(message.email).toMatchObject({
      messageId: mail.messageId!.slice(1, -1),
      replyTo,
      inReplyTo: firstId,
    });
    // The internal note was not mailed and shows no delivery.
    expect((await deliveryOf(api, conversation.id, note.json.id)).delivery).toBeUndefined();

    // The customer answers to the Reply-To with a client that drops every reference and the [#n].
    const answer = composeMail({ from: customer, to: replyTo, subject: 'thanks' });
    const posted = await postMail(withRelay, mailbox, answer);
    const entry = await routed(api, mailbox.id, posted.json.id);
    expect(entry).toMatchObject({ state: 'threaded', conversationId: conversation.id });
  });

  it('threads an answer that only says In-Reply-To our Message-ID', async () => {
    const { api, mailbox, customer, conversation } = await conversationByMail(withRelay);
    const reply = await api.post(`/conversations/${conversation.id}/messages`, {
      role: 'agent',
      text: 'Done.',
    });
    const message = await waitUntil('the reply to be sent', async () => {
      const m = await deliveryOf(api, conversation.id, reply.json.id);
      return m.delivery?.state === 'sent' ? m : undefined;
    });
    const answer = composeMail({
      from: customer,
      to: mailbox.address,
      subject: 'another subject',
      inReplyTo: `<${message.email.messageId}>`,
    });
    const entry = await routed(api, mailbox.id, (await postMail(withRelay, mailbox, answer)).json.id);
    expect(entry).toMatchObject({ state: 'threaded', conversationId: conversation.id });
  });
});

describe('with no relay configured', () => {
  it('writes one .eml file per reply to the outbox and says so', async () => {
    const { api, customer, conversation } = await conversationByMail(withOutbox);
    const replies = [];
    for (const text of ['First answer', 'Second answer']) {
      replies.push(
        (await api.post(`/conversations/${conversation.id}/messages`, { role: 'agent', text })).json,
      );
    }
    for (const reply of replies) {
      await waitUntil('the reply in the outbox', async () => {
        const m = await deliveryOf(api, conversation.id, reply.id);
        return m.delivery?.state === 'outbox' ? m : undefined;
      });
    }
    const files = (await readdir(path.join(dataDir, 'outbox'))).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(
      files.map(async (f) => PostalMime.parse(await readFile(path.join(dataDir, 'outbox', f)))),
    );
    const ours = mails.filter((m) => m.to?.[0]?.address === customer);
    expect(ours.map((m) => m.text?.trim()).sort()).toEqual(['First answer', 'Second answer']);
    expect(new Set(ours.map((m) => m.messageId)).size).toBe(2);
  });
});
