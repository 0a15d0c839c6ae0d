import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDesk } from '../../../test/support/help-desk.js';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let api: ReturnType<TestApp['as']>;
let mailbox: { id: string; address: string; inboundSecret: string };

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  api = t.as((await t.workspace('Acme')).apiKey);
  mailbox = (await api.post('/channels/email', { address: 'support@acme.test', name: 'Support' })).json;
});
afterAll(() => t.close());

type Entry = {
  id: string;
  state: string;
  conversationId: string | null;
  messageRef: string | null;
  flags: string[];
  messageId: string;
  error: string | null;
};

let serial = 0;
const uniqueSender = (name = 'customer') => `${name}${++serial}@customer.example`;

async function deliver(raw: Buffer, to = mailbox): Promise<Entry> {
  const posted = await postMail(t, to, raw);
  expect(posted.status).toBe(202);
  return routed(api, to.id, posted.json.id);
}
const conversation = async (id: string) => (await api.get(`/conversations/${id}`)).json;

describe('threading', () => {
  it('continues a conversation by In-Reply-To, by References, and by [#n] in the subject', async () => {
    const sender = uniqueSender();
    const first = await deliver(
      composeMail({ from: sender, messageId: `<first.${serial}@customer.example>` }),
    );
    expect(first.state).toBe('new_conversation');
    const { displayId } = await conversation(first.conversationId!);

    const reply = await deliver(
      composeMail({ from: sender, subject: 'Re: Help with my order', inReplyTo: `<${first.messageId}>` }),
    );
    expect(reply).toMatchObject({ state: 'threaded', conversationId: first.conversationId });

    // Outlook-style: an unknown In-Reply-To, but the thread's first message in References.
    const byReferences = await deliver(
      composeMail({
        from: sender,
        subject: 'AW: WG: Help with my order',
        inReplyTo: '<unknown@elsewhere.example>',
        references: [`<${first.messageId}>`, '<unknown@elsewhere.example>'],
      }),
    );
    expect(byReferences).toMatchObject({ state: 'threaded', conversationId: first.conversationId });

    const bySubject = await deliver(
      composeMail({ from: sender, subject: `Re: Help with my order [#${displayId}]` }),
    );
    expect(bySubject).toMatchObject({ state: 'threaded', conversationId: first.conversationId });

    const shown = await conversation(first.conversationId!);
    expect(shown.messages).toHaveLength(4);
    expect(shown.messages[1].email.inReplyTo).toBe(first.messageId);
  });

  it('threads a reply from someone the thread copied; a stranger gets a linked conversation of their own', async () => {
    const sender = uniqueSender();
    const colleague = uniqueSender('colleague');
    const first = await deliver(
      composeMail({
        from: sender,
        headers: { Cc: `Boss <${colleague}>` },
        messageId: `<cc.${serial}@customer.example>`,
      }),
    );
    const fromColleague = await deliver(composeMail({ from: colleague, inReplyTo: `<${first.messageId}>` }));
    expect(fromColleague).toMatchObject({ state: 'threaded', conversationId: first.conversationId });

    const { displayId } = await conversation(first.conversationId!);
    const stranger = uniqueSender('stranger');
    const opened = await deliver(composeMail({ from: stranger, inReplyTo: `<${first.messageId}>` }));
    expect(opened.state).toBe('new_conversation');
    expect(opened.conversationId).not.toBe(first.conversationId);
    expect(opened.flags).toContain('linked_reference');
    expect((await conversation(opened.conversationId!)).timeline[0]).toMatchObject({
      type: 'created',
      data: { channel: 'email', relatedConversationId: first.conversationId },
    });
    // The stranger's next mail about it, by any reference, continues their own conversation.
    const again = await deliver(composeMail({ from: stranger, subject: `About [#${displayId}]` }));
    expect(again).toMatchObject({ state: 'threaded', conversationId: opened.conversationId });
    // Another stranger answering the same mail gets a conversation of their own: per sender.
    const other = await deliver(
      composeMail({ from: uniqueSender('other'), inReplyTo: `<${first.messageId}>` }),
    );
    expect(other.state).toBe('new_conversation');
    expect([first.conversationId, opened.conversationId]).not.toContain(other.conversationId);
    expect((await conversation(first.conversationId!)).messages).toHaveLength(2);
  });

  it("continues a promise's conversation by its reference in the subject, for its customer only", async () => {
    const sender = uniqueSender();
    const first = await deliver(composeMail({ from: sender, subject: 'A quote for two licences?' }));
    const desk = helpDesk(api);
    const ownerId = (await desk.member('agent', 'Olive Owner')).id;
    const quote = { json: await desk.quote(first.conversationId!, ownerId) };
    // A new mail, no reply headers: only the reference in its subject ties it to the quote.
    const accepted = await deliver(
      composeMail({ from: sender, subject: `Quote ${quote.json.reference}`, body: 'We accept, thank you.' }),
    );
    expect(accepted).toMatchObject({ state: 'threaded', conversationId: first.conversationId });
    expect((await api.get(`/promises/${quote.json.id}`)).json).toMatchObject({
      status: 'kept',
      closedBy: 'customer',
    });
    const joined = await conversation(first.conversationId!);
    expect(joined.assigneeId).toBe(ownerId);
    expect(joined.timeline.filter((e: { type: string }) => e.type === 'promise')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ outcome: 'kept', participant: true, messageId: accepted.messageRef }),
      }),
    ]);

    // A stranger quoting it gets a conversation of their own, linked, and accepts nothing.
    const other = { json: await desk.quote(first.conversationId!, ownerId, 'Three licences at 38 a month') };
    const stranger = await deliver(
      composeMail({ from: uniqueSender('stranger'), subject: `I accept ${other.json.reference}` }),
    );
    expect(stranger.state).toBe('new_conversation');
    expect(stranger.conversationId).not.toBe(first.conversationId);
    expect(stranger.flags).toContain('linked_reference');
    expect((await api.get(`/promises/${other.json.id}`)).json.status).toBe('open');
    const theirs = await conversation(stranger.conversationId!);
    expect(theirs.assigneeId).toBe(ownerId);
    expect(theirs.timeline.find((e: { type: string }) => e.type === 'promise').data).toMatchObject({
      participant: false,
      outcome: 'shown',
    });
  });

  it('finds the customer by address, and reopens their resolved conversation when they write back', async () => {
    const sender = uniqueSender();
    const desk = helpDesk(api);
    const customer = await desk.customer([{ type: 'email', value: sender.toUpperCase() }]);
    const first = await deliver(composeMail({ from: `Dana <${sender}>` }));
    const opened = await conversation(first.conversationId!);
    expect(opened.customerId).toBe(customer.id);
    await desk.status(first.conversationId!, 'resolved');
    await deliver(composeMail({ from: sender, inReplyTo: `<${first.messageId}>`, body: 'It broke again.' }));
    expect((await conversation(first.conversationId!)).status).toBe('open');
  });
});

describe('duplicates', () => {
  it('make one message of the same mail arriving twice, in two mailboxes of the workspace', async () => {
    const second = (await api.post('/channels/email', { address: 'sales@acme.test', name: 'Sales' })).json;
    const raw = composeMail({ from: uniqueSender(), to: 'support@acme.test, sales@acme.test' });
    const original = await deliver(raw);
    const again = await deliver(raw);
    const elsewhere = await deliver(raw, second);
    for (const copy of [again, elsewhere]) {
      expect(copy).toMatchObject({
        state: 'duplicate',
        conversationId: original.conversationId,
        messageRef: original.messageRef,
      });
    }
    expect((await conversation(original.conversationId!)).messages).toHaveLength(1);
  });

  it('keep and flag a reused Message-ID with other content', async () => {
    const sender = uniqueSender();
    const messageId = `<reused.${serial}@customer.example>`;
    const first = await deliver(composeMail({ from: sender, messageId, body: 'First question.' }));
    const reused = await deliver(composeMail({ from: sender, messageId, body: 'A different question.' }));
    expect(reused.state).not.toBe('duplicate');
    expect(reused.flags).toContain('message_id_reused');
    expect(reused.messageRef).not.toBe(first.messageRef);
  });

  it('give a mail without Message-ID a synthetic one, the same for a second copy', async () => {
    const raw = composeMail({ from: uniqueSender(), messageId: null });
    const first = await deliver(raw);
    expect(first.state).toBe('new_conversation');
    expect(first.flags).toContain('synthetic_message_id');
    expect(first.messageId).toMatch(/^synthetic\.[0-9a-f]{32}@earshot\.invalid$/);
    const second = await deliver(raw);
    expect(second).toMatchObject({ state: 'duplicate', messageId: first.messageId });
  });
});

describe('automatic mail', () => {
  it('attaches an out-of-office to its thread without reopening it, and opens nothing on its own', async () => {
    const sender = uniqueSender();
    const first = await deliver(composeMail({ from: sender }));
    await helpDesk(api).status(first.conversationId!, 'resolved');
    const outOfOffice = await deliver(
      composeMail({
        from: sender,
        subject: 'Automatic reply: Help with my order',
        inReplyTo: `<${first.messageId}>`,
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
        body: 'I am out of the office until Monday.',
      }),
    );
    expect(outOfOffice).toMatchObject({ state: 'auto_reply', conversationId: first.conversationId });
    const shown = await conversation(first.conversationId!);
    expect(shown.status).toBe('resolved');
    expect(shown.messages[1]).toMatchObject({ role: 'system', autoReply: true });

    const unthreaded = await deliver(
      composeMail({ from: uniqueSender(), headers: { Precedence: 'bulk' }, body: 'Our newsletter' }),
    );
    expect(unthreaded).toMatchObject({ state: 'auto_reply', conversationId: null, messageRef: null });
  });

  it('records a bounce and opens nothing', async () => {
    const boundary = 'dsn-boundary';
    const bounce = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>',
        'To: support@acme.test',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Tue, 1 Dec 2026 10:00:00 +0000',
        'Message-ID: <bounce.1@mx.acme.test>',
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'I could not deliver your message to <gone@customer.example>.',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.acme.test',
        '',
        'Final-Recipient: rfc822; gone@customer.example',
        'Action: failed',
        'Status: 5.1.1',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    expect(await deliver(bounce)).toMatchObject({ state: 'bounce', conversationId: null });
  });
});

describe('content', () => {
  it('shows an HTML-only mail as text, with its HTML sanitised', async () => {
    const entry = await deliver(
      composeMail({
        from: uniqueSender(),
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: '<p>My <b>invoice</b> is wrong.</p><script>steal()</script><img src="https://t.example/p.gif">',
      }),
    );
    const [message] = (await conversation(entry.conversationId!)).messages;
    expect(message.text).toBe('My invoice is wrong.');
    expect(message.email.date).toBe('2026-12-01T10:00:00.000Z');
    expect(message.html.trim()).toBe(
      '<p>My <b>invoice</b> is wrong.</p><img data-remote-src="https://t.example/p.gif" />',
    );
  });

  it('decodes a windows-1251 body and RFC 2047 subject, and flags an unknown charset without failing', async () => {
    const cyrillic = Buffer.concat([
      composeMail({
        from: uniqueSender(),
        subject: '=?windows-1251?B?z/Do4uXy?=',
        headers: { 'Content-Type': 'text/plain; charset=windows-1251' },
        body: '',
      }).subarray(0, -2),
      Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0d, 0x0a]),
    ]);
    const entry = await deliver(cyrillic);
    expect(entry.state).toBe('new_conversation');
    const shown = await conversation(entry.conversationId!);
    expect(shown.subject).toBe('Привет');
    expect(shown.messages[0].text).toBe('Привет');

    const unknown = await deliver(
      composeMail({ from: uniqueSender(), headers: { 'Content-Type': 'text/plain; charset=x-martian-7' } }),
    );
    expect(unknown.state).toBe('new_conversation');
    expect(unknown.flags).toContain('unknown_charset');
  });

  it('lists attachments with their size and hash', async () => {
    const boundary = 'mixed';
    const raw = Buffer.from(
      [
        `From: ${uniqueSender()}`,
        'To: support@acme.test',
        'Subject: Receipt',
        'Message-ID: <att.1@customer.example>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: application/pdf; name="receipt.pdf"',
        'Content-Disposition: attachment; filename="receipt.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 tiny').toString('base64'),
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const entry = await deliver(raw);
    const [message] = (await conversation(entry.conversationId!)).messages;
    expect(message.text).toBe('[attachments: receipt.pdf]');
    expect(message.attachments).toEqual([
      {
        id: expect.any(String),
        filename: 'receipt.pdf',
        contentType: 'application/pdf',
        size: 13,
        sha256: createHash('sha256').update('%PDF-1.4 tiny').digest('hex'),
      },
    ]);
    // Kept in the data folder's blob store (the embedded default), downloadable by its id.
    const sha = message.attachments[0].sha256;
    expect(existsSync(path.join(t.deps.config.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(
      true,
    );
    const file = await api.get(`/attachments/${message.attachments[0].id}`);
    expect(file.text).toBe('%PDF-1.4 tiny');
  });
});

describe('unparsed mail', () => {
  it('stays visible on the mailbox with its reason, and can be retried', async () => {
    const own = (await api.post('/channels/email', { address: 'broken@acme.test', name: 'Broken' })).json;
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x42]);
    const entry = await deliver(garbage, own);
    expect(entry.state).toBe('unparsed');
    expect(entry.error).toBeTruthy();
    expect((await api.get(`/channels/email/${own.id}`)).json.unparsed).toBe(1);

    const retried = await api.post(`/channels/email/${own.id}/messages/${entry.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.json.state).toBe('received');
    const again = await routed(api, own.id, entry.id);
    expect(again.state).toBe('unparsed');

    const routedOne = await deliver(composeMail({ from: uniqueSender() }), own);
    const refused = await api.post(`/channels/email/${own.id}/messages/${routedOne.id}/retry`);
    expect(refused.status).toBe(409);
  });
});
