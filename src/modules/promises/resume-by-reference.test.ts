import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { acceptsQuote } from './accepts-quote.js';
import { alphabet, parseReference, referenceDigits } from './reference.js';
import { referencesIn } from './references-in.js';
import { sweepPromises } from './sweep-promises-job.js';
import { eventsOf, inHours, promiseDesk } from './test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close(), 60_000);

// The same reference with its last (check) symbol changed: every symbol but the right one.
const wrongCheck = (shown: string) => {
  const canonical = parseReference(shown)!;
  const next = alphabet[(alphabet.indexOf(canonical[6]!) + 1) % alphabet.length]!;
  return `${canonical.slice(0, 3)}-${canonical.slice(3, 6)}${next}`;
};

type Timeline = { type: string; data: Record<string, unknown> }[];
const promiseEntries = (conversation: { timeline: Timeline }) =>
  conversation.timeline.filter((e) => e.type === 'promise').map((e) => e.data);

describe('finding references in what customers write', () => {
  it('reads the shown form in any case, capitals run together and the keypad digits; nothing with a wrong check', () => {
    const reference = 'K7MQ4PD';
    const valid =
      parseReference(reference) ??
      (() => {
        throw new Error('fixture');
      })();
    expect(
      referencesIn(`About quote ${valid.slice(0, 3).toLowerCase()}-${valid.slice(3).toLowerCase()}, yes`),
    ).toEqual([valid]);
    expect(referencesIn(`Ref: ${valid}.`)).toEqual([valid]);
    expect(referencesIn(`I keyed ${referenceDigits(valid)} earlier`)).toEqual([valid]);
    expect(referencesIn(`Again ${valid} and ${valid.slice(0, 3)}-${valid.slice(3)}`)).toEqual([valid]);
    expect(referencesIn(`wrong ${wrongCheck(valid)} and part of a word X${valid}`)).toEqual([]);
    // Ordinary words of seven letters are not read as references.
    expect(referencesIn('average example whatnot')).toEqual([]);
  });

  it('takes a quote as accepted only on a plain yes', () => {
    for (const yes of [
      'I accept the quote',
      'Yes, go ahead please.',
      "Deal! We'll take it.",
      'Accepted, thanks',
    ])
      expect(acceptsQuote(yes), yes).toBe(true);
    for (const no of [
      "I can't accept that price",
      'We do not accept',
      'Do you accept cards?',
      'I would agree if it were cheaper',
      'What is the status of my quote?',
    ])
      expect(acceptsQuote(no), no).toBe(false);
  });
});

describe('resuming a promise from a message', () => {
  it('keeps a valid quote the customer accepts in its conversation, shows it and gives the conversation to its owner', async () => {
    const d = await promiseDesk(t, 'Accept');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(24) });
    const said = await d.api.post(`/conversations/${d.conversationId}/messages`, {
      role: 'customer',
      text: `Hello, I accept quote ${quote.reference.toLowerCase()}.`,
    });
    expect(said.status, said.text).toBe(201);
    expect((await d.api.get(`/promises/${quote.id}`)).json).toMatchObject({
      status: 'kept',
      closedBy: 'customer',
    });
    expect(await eventsOf(t, 'promise.kept', quote.id)).toEqual([
      expect.objectContaining({ by: 'customer', ownerId: d.ownerId }),
    ]);
    const conversation = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    expect(conversation.assigneeId).toBe(d.ownerId);
    expect(promiseEntries(conversation)).toEqual([
      expect.objectContaining({
        event: 'referenced',
        promiseId: quote.id,
        reference: quote.reference,
        status: 'kept',
        participant: true,
        outcome: 'kept',
        messageId: said.json.id,
      }),
    ]);
    expect(await eventsOf(t, 'promise.referenced', quote.id)).toEqual([
      expect.objectContaining({
        ownerId: d.ownerId,
        outcome: 'kept',
        participant: true,
        messageId: said.json.id,
      }),
    ]);
  });

  it('brings a question about the quote to its owner without keeping it', async () => {
    const d = await promiseDesk(t, 'Question');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(24) });
    await d.desk.say(d.conversationId, 'customer', `Does ${quote.referenceDigits} include delivery?`);
    expect((await d.api.get(`/promises/${quote.id}`)).json.status).toBe('open');
    const conversation = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    expect(conversation.assigneeId).toBe(d.ownerId);
    expect(promiseEntries(conversation)).toEqual([
      expect.objectContaining({ outcome: 'shown', status: 'open' }),
    ]);
  });

  it('matches nothing when the check character is wrong', async () => {
    const d = await promiseDesk(t, 'Typo');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(24) });
    await d.desk.say(d.conversationId, 'customer', `I accept ${wrongCheck(quote.reference)}`);
    expect((await d.api.get(`/promises/${quote.id}`)).json.status).toBe('open');
    const conversation = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    expect(promiseEntries(conversation)).toEqual([]);
    expect(conversation.assigneeId).toBeNull();
    expect(await eventsOf(t, 'promise.referenced', quote.id)).toEqual([]);
  });

  it('offers a renewal of an expired quote instead of starting over', async () => {
    const d = await promiseDesk(t, 'Expired');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(1) });
    await sweepPromises(t.deps, new Date(Date.now() + 2 * 3_600_000));
    expect((await d.api.get(`/promises/${quote.id}`)).json.status).toBe('expired');
    await d.desk.say(d.conversationId, 'customer', `I accept ${quote.reference}`);
    const renewed = (await d.api.get(`/promises/${quote.id}`)).json;
    expect(renewed.status).toBe('expired');
    expect(renewed.renewalRequestedAt).toBeTruthy();
    expect(await eventsOf(t, 'promise.renewal_requested', quote.id)).toHaveLength(1);
    const conversation = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    const drafts = conversation.messages.filter((m: { proposal?: unknown }) => m.proposal);
    expect(drafts).toEqual([
      expect.objectContaining({
        internal: true,
        proposal: expect.objectContaining({ kind: 'renewal', promiseId: quote.id }),
      }),
    ]);
    expect(promiseEntries(conversation)).toEqual([expect.objectContaining({ outcome: 'renewal_proposed' })]);
  });

  it('never lets another customer accept a quote or join its conversation through the API', async () => {
    const d = await promiseDesk(t, 'Stranger');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(24) });
    const stranger = await d.desk.customer();
    const opened = await d.api.post('/conversations', {
      customerId: stranger.id,
      channel: 'api',
      message: { text: `I accept ${quote.reference}` },
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json.id).not.toBe(d.conversationId);
    expect((await d.api.get(`/promises/${quote.id}`)).json.status).toBe('open');
    // Shown to the owner on the stranger's own conversation, which the owner now holds.
    const theirs = (await d.api.get(`/conversations/${opened.json.id}`)).json;
    expect(theirs.assigneeId).toBe(d.ownerId);
    expect(promiseEntries(theirs)).toEqual([
      expect.objectContaining({ participant: false, outcome: 'shown' }),
    ]);
    const original = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    expect(original.messages.map((m: { text: string }) => m.text)).not.toContain(
      `I accept ${quote.reference}`,
    );
  });

  it("joins the promise's conversation when its customer starts a new one through the API", async () => {
    const d = await promiseDesk(t, 'Join');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(24) });
    const original = (await d.api.get(`/conversations/${d.conversationId}`)).json;
    await d.desk.status(d.conversationId, 'resolved');
    const res = await d.api.post('/conversations', {
      customerId: original.customerId,
      channel: 'api',
      message: { text: `Go ahead with ${quote.reference}, I accept.` },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ id: d.conversationId, status: 'open', assigneeId: d.ownerId });
    expect((await d.api.get(`/promises/${quote.id}`)).json.status).toBe('kept');
  });

  it('keeps other workspaces out: a reference from elsewhere matches nothing', async () => {
    const d = await promiseDesk(t, 'Mine');
    const quote = await d.promise({ type: 'quote', dueAt: inHours(48), expiresAt: inHours(24) });
    const other = await promiseDesk(t, 'Theirs');
    await other.desk.say(other.conversationId, 'customer', `I accept ${quote.reference}`);
    expect((await d.api.get(`/promises/${quote.id}`)).json.status).toBe('open');
    const theirs = (await other.api.get(`/conversations/${other.conversationId}`)).json;
    expect(promiseEntries(theirs)).toEqual([]);
  });
});
