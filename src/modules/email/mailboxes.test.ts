import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

const maxBytes = 3 * 1024 * 1024;
let t: TestApp;
let key: string;
let otherKey: string;
let api: ReturnType<TestApp['as']>;
let other: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp({ workers: true, env: { EARSHOT_MAIL_MAX_BYTES: String(maxBytes) } });
  key = (await t.workspace('Acme')).apiKey;
  otherKey = (await t.workspace('Globex')).apiKey;
  api = t.as(key);
  other = t.as(otherKey);
});

const rawOf = async (id: string, as = key) => {
  const res = await t.app.request(`/api/v1/messages/${id}/raw`, {
    headers: { authorization: `Bearer ${as}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
};
afterAll(() => t.close());

let n = 0;
const newMailbox = async (as = api, address = `support${++n}@acme.test`) => {
  const res = await as.post('/channels/email', { address, name: 'Support' });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; address: string; inboundSecret: string };
};

describe('mailboxes', () => {
  it('are created, read, changed and deleted by administrators', async () => {
    const created = await api.post('/channels/email', {
      address: 'Help@Acme.test',
      name: 'Help desk',
      autoAcknowledge: true,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      address: 'help@acme.test',
      name: 'Help desk',
      autoAcknowledge: true,
      unparsed: 0,
      lastReceivedAt: null,
    });
    expect(created.json.inboundSecret).toMatch(/^esm_[\w-]{32}$/);
    const id = created.json.id;
    expect((await api.get(`/channels/email/${id}`)).json.address).toBe('help@acme.test');
    expect((await api.get('/channels/email')).json.data.map((m: { id: string }) => m.id)).toContain(id);
    const changed = await api.patch(`/channels/email/${id}`, { name: 'Helpdesk', autoAcknowledge: false });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ name: 'Helpdesk', autoAcknowledge: false });
    expect((await api.delete(`/channels/email/${id}`)).status).toBe(204);
    expect((await api.get(`/channels/email/${id}`)).status).toBe(404);
  });

  it('refuse an address with a +tag, or one that is not an address', async () => {
    for (const address of ['support+x@acme.test', 'support', 'a b@acme.test']) {
      const res = await api.post('/channels/email', { address, name: 'X' });
      expect(res.status, address).toBe(400);
    }
  });

  it('give an address to one workspace only', async () => {
    await newMailbox(api, 'sales@shared.test');
    const taken = await other.post('/channels/email', { address: 'SALES@shared.test', name: 'Sales' });
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe('MAILBOX_ADDRESS_TAKEN');
    const mine = await newMailbox(other, 'sales2@shared.test');
    const moved = await other.patch(`/channels/email/${mine.id}`, { address: 'sales@shared.test' });
    expect(moved.status).toBe(409);
  });

  it('are invisible to another workspace', async () => {
    const mailbox = await newMailbox();
    expect((await other.get(`/channels/email/${mailbox.id}`)).status).toBe(404);
    expect((await other.get(`/channels/email/${mailbox.id}/messages`)).status).toBe(404);
    expect((await other.patch(`/channels/email/${mailbox.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await other.delete(`/channels/email/${mailbox.id}`)).status).toBe(404);
    expect((await other.get('/channels/email')).json.data.map((m: { id: string }) => m.id)).not.toContain(
      mailbox.id,
    );
  });

  it('are managed by administrators, not agents', async () => {
    const agentKey = await api.post('/api-keys', { name: 'agent key', role: 'agent' });
    expect(agentKey.status, agentKey.text).toBe(201);
    const asAgent = t.as(agentKey.json.key);
    expect((await asAgent.post('/channels/email', { address: 'agent@acme.test', name: 'A' })).status).toBe(
      403,
    );
    expect((await asAgent.get('/channels/email')).status).toBe(403);
    const adminKey = await api.post('/api-keys', { name: 'admin key', role: 'admin' });
    expect((await t.as(adminKey.json.key).get('/channels/email')).status).toBe(200);
  });
});

describe('HTTP inbound', () => {
  it('stores the raw mail byte for byte, answers 202, and the mail becomes a conversation', async () => {
    const mailbox = await newMailbox();
    const raw = composeMail({
      from: 'Dana Reyes <dana@customer.example>',
      to: `Support <${mailbox.address}>`,
      subject: 'Re: Where is my parcel?',
      body: 'It has been two weeks.\r\n\r\nOn Mon, 30 Nov 2026, Support wrote:\r\n> We shipped it.',
    });
    const posted = await postMail(t, mailbox, raw);
    expect(posted.status).toBe(202);
    expect(posted.json.sha256).toBe(createHash('sha256').update(raw).digest('hex'));

    const entry = await routed(api, mailbox.id, posted.json.id);
    expect(entry).toMatchObject({
      via: 'http',
      size: raw.length,
      from: 'dana@customer.example',
      subject: 'Re: Where is my parcel?',
      state: 'new_conversation',
    });
    for (const id of [entry.messageRef, entry.id]) {
      const original = await rawOf(id);
      expect(original.status).toBe(200);
      expect(original.type).toBe('message/rfc822');
      expect(original.bytes.equals(raw)).toBe(true);
    }
    expect((await rawOf(entry.messageRef, otherKey)).status).toBe(404);
    const shown = (await api.get(`/channels/email/${mailbox.id}`)).json;
    expect(shown.lastReceivedAt).toBe(entry.receivedAt);

    const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
    expect(conversation).toMatchObject({ channel: 'email', subject: 'Where is my parcel?' });
    expect(conversation.customer.identities).toEqual([
      { type: 'email', displayValue: 'dana@customer.example' },
    ]);
    expect(conversation.messages[0]).toMatchObject({
      role: 'customer',
      text: 'It has been two weeks.',
      fullText: expect.stringContaining('> We shipped it.'),
      attachments: [],
      email: {
        from: 'Dana Reyes <dana@customer.example>',
        to: [`Support <${mailbox.address}>`],
        cc: [],
        subject: 'Re: Where is my parcel?',
        inReplyTo: null,
      },
    });
  });

  it("refuses a wrong secret, another mailbox's secret, or none", async () => {
    const mailbox = await newMailbox();
    const second = await newMailbox();
    const raw = composeMail({ from: 'x@customer.example' });
    expect((await postMail(t, mailbox, raw, 'esm_wrong')).status).toBe(401);
    expect((await postMail(t, mailbox, raw, second.inboundSecret)).status).toBe(401);
    const none = await t.app.request(`/api/v1/channels/email/${mailbox.id}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: raw,
    });
    expect(none.status).toBe(401);
    const log = await api.get(`/channels/email/${mailbox.id}/messages`);
    expect(log.json.data).toEqual([]);
  });

  it('takes mail larger than the ordinary body limit, up to EARSHOT_MAIL_MAX_BYTES', async () => {
    const mailbox = await newMailbox();
    const line = 'x'.repeat(76) + '\r\n';
    const big = composeMail({ from: 'big@customer.example', body: line.repeat(Math.ceil(2_000_000 / 78)) });
    expect(big.length).toBeGreaterThan(t.deps.config.bodyLimitBytes);
    const posted = await postMail(t, mailbox, big);
    expect(posted.status).toBe(202);
    expect((await rawOf(posted.json.id)).bytes.equals(big)).toBe(true);
    const tooBig = composeMail({ from: 'big@customer.example', body: line.repeat(Math.ceil(maxBytes / 78)) });
    expect((await postMail(t, mailbox, tooBig)).status).toBe(413);
  });

  it('accepts only message/rfc822', async () => {
    const mailbox = await newMailbox();
    const res = await t.app.request(`/api/v1/channels/email/${mailbox.id}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${mailbox.inboundSecret}` },
      body: 'hello',
    });
    expect(res.status).toBe(415);
  });
});
