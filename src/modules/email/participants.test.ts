import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import PostalMime, { type Email } from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';

// With no relay, every mail sent lands in the data folder's outbox: what went out is read there.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
});
afterAll(() => t?.close());

let serial = 0;
async function workspaceWithMailbox() {
  const api = t.as((await t.workspace()).apiKey);
  const mailbox = (
    await api.post('/channels/email', { address: `help${++serial}@acme.test`, name: 'Acme Help' })
  ).json;
  return { api, mailbox };
}

async function outbox(): Promise<{ raw: Buffer; mail: Email }[]> {
  const folder = path.join(t.deps.config.dataDir, 'outbox');
  const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.eml'));
  return Promise.all(
    files.map(async (f) => {
      const raw = await readFile(path.join(folder, f));
      return { raw, mail: await PostalMime.parse(raw) };
    }),
  );
}

type Api = ReturnType<TestApp['as']>;
const messageOf = async (api: Api, conversationId: string, id: string) =>
  (await api.get(`/conversations/${conversationId}`)).json.messages.find((m: { id: string }) => m.id === id);

async function reply(api: Api, conversationId: string, text: string, until: string) {
  const posted = await api.post(`/conversations/${conversationId}/messages`, { role: 'agent', text });
  expect(posted.status).toBe(201);
  return waitUntil(`the reply to be ${until}`, async () => {
    const m = await messageOf(api, conversationId, posted.json.id);
    return m.delivery?.state === until ? m : undefined;
  });
}

describe('participants of an email conversation', () => {
  it('keep Reply-To, To and Cc with their names; replies go to Reply-To and keep the others copied', async () => {
    const { api, mailbox } = await workspaceWithMailbox();
    const n = serial;
    const raw = composeMail({
      from: `Ann Archer <ann${n}@customer.example>`,
      to: `Acme Help <${mailbox.address}>, "Bob Baker" <bob${n}@customer.example>`,
      subject: 'Broken hinge',
      headers: {
        'Reply-To': `Ann at work <ann.work${n}@customer.example>`,
        Cc: `Carol <carol${n}@customer.example>, ${mailbox.address.replace('@', '+sales@')}`,
      },
    });
    const entry = await routed(api, mailbox.id, (await postMail(t, mailbox, raw)).json.id);
    expect(entry.state).toBe('new_conversation');
    const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
    expect(conversation.email.participants).toEqual(
      [
        { address: `ann${n}@customer.example`, name: 'Ann Archer', roles: ['from'], bounced: false },
        {
          address: `ann.work${n}@customer.example`,
          name: 'Ann at work',
          roles: ['reply_to'],
          bounced: false,
        },
        { address: `bob${n}@customer.example`, name: 'Bob Baker', roles: ['to'], bounced: false },
        { address: `carol${n}@customer.example`, name: 'Carol', roles: ['cc'], bounced: false },
      ].sort((a, b) => a.address.localeCompare(b.address)),
    );
    const first = conversation.messages[0];
    expect(first.email.replyTo).toBe(`Ann at work <ann.work${n}@customer.example>`);
    expect(first.email.cc).toEqual([
      `Carol <carol${n}@customer.example>`,
      mailbox.address.replace('@', '+sales@'),
    ]);
    // The list of conversations shows them too.
    const listed = (await api.get('/conversations?channel=email')).json.data;
    expect(listed.find((c: { id: string }) => c.id === conversation.id).email.participants).toHaveLength(4);

    const sent = await reply(api, conversation.id, 'A new hinge is on its way.', 'outbox');
    expect(sent.email.to).toEqual([`ann.work${n}@customer.example`]);
    expect(sent.email.cc).toEqual([`bob${n}@customer.example`, `carol${n}@customer.example`]);
    const out = (await outbox()).find((o) => o.mail.messageId === `<${sent.email.messageId}>`)!;
    expect(out.mail.to?.map((a) => a.address)).toEqual([`ann.work${n}@customer.example`]);
    expect(out.mail.cc?.map((a) => a.address)).toEqual([
      `bob${n}@customer.example`,
      `carol${n}@customer.example`,
    ]);

    // Bob answers from his own client: a participant, so it threads; he is now also a sender.
    const bob = composeMail({
      from: `Bob B. <bob${n}@customer.example>`,
      to: mailbox.address,
      subject: `Re: Broken hinge [#${conversation.displayId}]`,
    });
    expect((await routed(api, mailbox.id, (await postMail(t, mailbox, bob)).json.id)).state).toBe('threaded');
    const after = (await api.get(`/conversations/${conversation.id}`)).json.email.participants;
    expect(after.find((p: { address: string }) => p.address === `bob${n}@customer.example`)).toEqual({
      address: `bob${n}@customer.example`,
      name: 'Bob B.',
      roles: ['from', 'to'],
      bounced: false,
    });
  });

  it('are not written to once their address bounced, with the reason shown, until they write again', async () => {
    const { api, mailbox } = await workspaceWithMailbox();
    const customer = `gone${serial}@customer.example`;
    const opened = composeMail({ from: customer, to: mailbox.address, subject: 'Order 7' });
    const entry = await routed(api, mailbox.id, (await postMail(t, mailbox, opened)).json.id);
    const first = await reply(api, entry.conversationId, 'Hello', 'outbox');

    const dsn = composeMail({
      from: 'Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
      to: mailbox.address,
      subject: 'Undelivered Mail Returned to Sender',
      headers: {
        'Content-Type': 'multipart/report; report-type=delivery-status; boundary="r"',
      },
      body: [
        '--r',
        'Content-Type: message/delivery-status',
        '',
        `Final-Recipient: rfc822; ${customer}`,
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 mailbox unknown',
        '--r',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${first.email.messageId}>`,
        '--r--',
      ].join('\r\n'),
    });
    expect((await routed(api, mailbox.id, (await postMail(t, mailbox, dsn)).json.id)).state).toBe('bounce');
    const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
    expect(conversation.email.participants).toEqual([
      { address: customer, name: '', roles: ['from'], bounced: true },
    ]);

    const outboxBefore = (await outbox()).length;
    const held = await reply(api, entry.conversationId, 'Are you there?', 'failed');
    expect(held.delivery.error).toMatch(
      new RegExp(`^Not sent: mail to ${customer} bounced on .*mailbox unknown`),
    );
    expect((await outbox()).length).toBe(outboxBefore);

    // The customer writes again from the address: it works, so answers go to it again.
    const back = composeMail({
      from: customer,
      to: mailbox.address,
      subject: `Re: Order 7 [#${conversation.displayId}]`,
    });
    expect((await routed(api, mailbox.id, (await postMail(t, mailbox, back)).json.id)).state).toBe(
      'threaded',
    );
    await reply(api, entry.conversationId, 'Welcome back', 'outbox');
  });
});

describe('a reply on an email conversation no mail came into', () => {
  it('goes out as a new mail to the customer, with our Message-ID, a reply token and the reference', async () => {
    const { api, mailbox } = await workspaceWithMailbox();
    const address = `eve${serial}@customer.example`;
    const customer = (
      await api.post('/customers', { name: 'Eve', identities: [{ type: 'email', value: address }] })
    ).json;
    const created = await api.post('/conversations', {
      customerId: customer.id,
      channel: 'email',
      subject: 'Your warranty claim',
      message: { role: 'agent', text: 'Opened by phone' },
    });
    expect(created.status).toBe(201);
    const sent = await reply(api, created.json.id, 'We have approved your claim.', 'outbox');
    const out = (await outbox()).find((o) => o.mail.messageId === `<${sent.email.messageId}>`)!;
    const domain = mailbox.address.split('@')[1];
    expect(out.mail.from).toMatchObject({ address: mailbox.address, name: 'Acme Help' });
    expect(out.mail.to?.map((a) => a.address)).toEqual([address]);
    expect(out.mail.subject).toBe(`Your warranty claim [#${created.json.displayId}]`);
    expect(out.mail.messageId).toMatch(new RegExp(`@${domain!.replace('.', '\\.')}>$`));
    expect(out.mail.inReplyTo).toBeUndefined();
    expect(out.mail.replyTo?.[0]?.address).toMatch(/\+r-[0-9a-f]{20}@/);
    expect(out.mail.text?.trim()).toBe('We have approved your claim.');
    expect(out.mail.html).toContain('<p>We have approved your claim.</p>');

    // The customer's answer threads into it by the token.
    const answer = composeMail({ from: address, to: out.mail.replyTo![0]!.address, subject: 'thanks' });
    const entry = await routed(api, mailbox.id, (await postMail(t, mailbox, answer)).json.id);
    expect(entry).toMatchObject({ state: 'threaded', conversationId: created.json.id });
  });

  it('says why nothing was sent when there is no mailbox or no address', async () => {
    const api = t.as((await t.workspace()).apiKey);
    const customer = (
      await api.post('/customers', {
        name: 'Finn',
        identities: [{ type: 'email', value: 'finn@customer.example' }],
      })
    ).json;
    const conversation = (
      await api.post('/conversations', {
        customerId: customer.id,
        channel: 'email',
        message: { role: 'agent', text: 'Opened by phone' },
      })
    ).json;
    const held = await reply(api, conversation.id, 'Hello Finn', 'failed');
    expect(held.delivery.error).toBe('Not sent: the workspace has no mailbox to send from');
  });
});
