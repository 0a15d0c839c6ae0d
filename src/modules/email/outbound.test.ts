import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { eq } from 'drizzle-orm';
import { closeRelays } from './mail-transport.js';
import { emailOutbound } from './schema.js';

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
    // Like a real relay, it refuses some recipients outright.
    onRcptTo(address, _session, done) {
      if (address.address.startsWith('refused')) {
        done(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
      } else done();
    },
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
async function conversationByMail(t: TestApp, name = 'ann') {
  const api = t.as((await t.workspace()).apiKey);
  const mailbox = (
    await api.post('/channels/email', { address: `support${++serial}@acme.test`, name: 'Acme Support' })
  ).json;
  const customer = `${name}${serial}@customer.example`;
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

  it('sends a later reply too: one written in one trip carries the channel its listener needs', async () => {
    const { api, customer, conversation } = await conversationByMail(withRelay, 'later');
    for (const text of ['First answer.', 'Second answer.']) {
      const reply = await api.post(`/conversations/${conversation.id}/messages`, { role: 'agent', text });
      expect(reply.status).toBe(201);
      await waitUntil(
        `"${text}" to be sent`,
        async () => {
          const m = await deliveryOf(api, conversation.id, reply.json.id);
          return m.delivery?.state === 'sent' ? m : undefined;
        },
        60_000,
      );
    }
    expect(relay.received.filter((r) => r.to.includes(customer))).toHaveLength(2);
  });

  it('is failed at once, with the reason, when the relay refuses the recipient for good', async () => {
    const { api, conversation } = await conversationByMail(withRelay, 'refused');
    const reply = await api.post(`/conversations/${conversation.id}/messages`, { role: 'agent', text: 'Hi' });
    const message = await waitUntil('the reply to fail', async () => {
      const m = await deliveryOf(api, conversation.id, reply.json.id);
      return m.delivery?.state === 'failed' ? m : undefined;
    });
    expect(message.delivery).toMatchObject({ attempts: 1, error: expect.stringContaining('No such user') });
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

const outboxMails = async () => {
  const folder = path.join(dataDir, 'outbox');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
  return Promise.all(
    files.map(async (f) => {
      const raw = await readFile(path.join(folder, f));
      return { raw, mail: await PostalMime.parse(raw) };
    }),
  );
};
const outboundTo = async (address: string) =>
  withOutbox.deps.db.select().from(emailOutbound).where(eq(emailOutbound.toAddress, address));

describe('acknowledgements', () => {
  it('answer a person whose mail opened a conversation, once a day, marked auto-replied', async () => {
    const api = withOutbox.as((await withOutbox.workspace()).apiKey);
    const mailbox = (
      await api.post('/channels/email', { address: 'ack@acme.test', name: 'Acme', autoAcknowledge: true })
    ).json;
    const sender = 'bea@customer.example';
    const first = composeMail({ from: sender, to: mailbox.address, subject: 'Broken lid' });
    const entry = await routed(api, mailbox.id, (await postMail(withOutbox, mailbox, first)).json.id);
    expect(entry.state).toBe('new_conversation');
    const ack = await waitUntil('the acknowledgement in the outbox', async () =>
      (await outboxMails()).find((m) => m.mail.to?.[0]?.address === sender),
    );
    const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
    expect(ack.mail.subject).toBe(`Re: Broken lid [#${conversation.displayId}]`);
    expect(ack.mail.inReplyTo).toBe(`<${entry.messageId}>`);
    expect(ack.mail.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-replied');
    expect(ack.mail.text).toContain(`#${conversation.displayId}`);
    // Not a human response: nothing on the conversation, no first reply time.
    expect(conversation.firstHumanReplyAt).toBeNull();
    expect(conversation.messages.map((m: { role: string }) => m.role)).toEqual(['customer']);

    // A second new conversation from the same sender the same day gets no second acknowledgement.
    const second = composeMail({ from: sender, to: mailbox.address, subject: 'Another thing' });
    expect((await routed(api, mailbox.id, (await postMail(withOutbox, mailbox, second)).json.id)).state).toBe(
      'new_conversation',
    );
    // Automated mail never gets one (it opens nothing either).
    const robot = 'robot@customer.example';
    const automatic = composeMail({
      from: robot,
      to: mailbox.address,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    expect(
      (await routed(api, mailbox.id, (await postMail(withOutbox, mailbox, automatic)).json.id)).state,
    ).toBe('auto_reply');
    // The acknowledgement is decided in the routing transaction: after routing, there is nothing more.
    expect(await outboundTo(sender)).toHaveLength(1);
    expect(await outboundTo(robot)).toHaveLength(0);
  });

  it('go to the Reply-To when the mail has one, once a day to that address whoever writes', async () => {
    const api = withOutbox.as((await withOutbox.workspace()).apiKey);
    const mailbox = (
      await api.post('/channels/email', { address: 'ack-rt@acme.test', name: 'Acme', autoAcknowledge: true })
    ).json;
    const desk = 'desk@customer.example';
    const send = async (from: string, replyTo: string, subject: string) =>
      (
        await routed(
          api,
          mailbox.id,
          (
            await postMail(
              withOutbox,
              mailbox,
              composeMail({ from, to: mailbox.address, subject, headers: { 'Reply-To': replyTo } }),
            )
          ).json.id,
        )
      ).state;
    expect(await send('clerk1@customer.example', `Front Desk <${desk}>`, 'First')).toBe('new_conversation');
    const ack = await waitUntil('the acknowledgement to the Reply-To', async () =>
      (await outboxMails()).find((m) => m.mail.to?.[0]?.address === desk),
    );
    expect(ack.mail.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-replied');
    // Another sender with the same Reply-To the same day: that address has had its one.
    expect(await send('clerk2@customer.example', desk, 'Second')).toBe('new_conversation');
    // A Reply-To naming our own mailbox is never acknowledged (nor is the sender instead).
    expect(await send('clerk3@customer.example', mailbox.address, 'Third')).toBe('new_conversation');
    expect(await outboundTo(desk)).toHaveLength(1);
    for (const clerk of ['clerk1', 'clerk2', 'clerk3']) {
      expect(await outboundTo(`${clerk}@customer.example`)).toHaveLength(0);
    }
    expect(await outboundTo(mailbox.address)).toHaveLength(0);
  });

  it('are not sent by a mailbox without autoAcknowledge', async () => {
    const { customer } = await conversationByMail(withOutbox, 'quiet');
    expect(await outboundTo(customer)).toHaveLength(0);
  });
});

describe('a bounce of a mail we sent', () => {
  it('marks the mail bounced, files the report with its conversation and flags the address', async () => {
    const { api, mailbox, customer, conversation } = await conversationByMail(withOutbox, 'gone');
    const reply = await api.post(`/conversations/${conversation.id}/messages`, { role: 'agent', text: 'Hi' });
    const sent = await waitUntil('the reply in the outbox', async () => {
      const m = await deliveryOf(api, conversation.id, reply.json.id);
      return m.delivery?.state === 'outbox' ? m : undefined;
    });
    const boundary = 'report-boundary';
    const dsn = Buffer.from(
      [
        `From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>`,
        `To: ${mailbox.address}`,
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Tue, 1 Dec 2026 10:00:00 +0000',
        'Message-ID: <dsn.1@mx.customer.example>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        `I could not deliver your message to <${customer}>.`,
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.example',
        '',
        `Final-Recipient: rfc822; ${customer}`,
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 mailbox unknown',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        `From: ${sent.email.from}`,
        `To: ${customer}`,
        `Subject: ${sent.email.subject}`,
        `Message-ID: <${sent.email.messageId}>`,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const entry = await routed(api, mailbox.id, (await postMail(withOutbox, mailbox, dsn)).json.id);
    expect(entry).toMatchObject({ state: 'bounce', conversationId: conversation.id });
    const bounced = await deliveryOf(api, conversation.id, reply.json.id);
    expect(bounced.delivery).toMatchObject({
      state: 'bounced',
      error: expect.stringContaining('mailbox unknown'),
    });
    const shown = (await api.get(`/channels/email/${mailbox.id}`)).json;
    expect(shown.bouncedAddresses).toEqual([
      { address: customer, bounces: 1, lastBouncedAt: expect.any(String) },
    ]);
    // The conversation got no message from the mail system.
    expect((await api.get(`/conversations/${conversation.id}`)).json.messages).toHaveLength(2);
  });
});
