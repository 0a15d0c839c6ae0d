import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { helpDesk } from '../../../../test/support/help-desk.js';

let t: TestApp;
let desk: ReturnType<typeof helpDesk>;
let quality: ReturnType<TestApp['as']>;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('Drafts');
  desk = helpDesk(t.as(ws.apiKey));
  quality = t.as(ws.apiKey);
});
afterAll(() => t.close());

const codes = (res: { json: { warnings: { code: string }[] } }) => res.json.warnings.map((w) => w.code);

describe('checking a draft before it is sent', () => {
  it('warns against asking for the account number once the customer is verified', async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: "Hi, I'd like to change my plan.",
    });
    await desk.verify(conv.id);
    const res = await quality.post(`/conversations/${conv.id}/draft-check`, {
      text: 'Can you give me your account number?',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.warnings).toContainEqual(
      expect.objectContaining({
        code: 'REPEAT_ASK',
        field: 'account',
        message: expect.stringMatching(/verified/),
      }),
    );
  });

  it('warns when the account number is already on the customer record', async () => {
    const customer = await desk.customer([{ type: 'account', value: 'AC-551020' }]);
    const conv = await desk.conversation({
      customerId: customer.id,
      text: "Hi, I'd like to change my plan.",
    });
    const res = await quality.post(`/conversations/${conv.id}/draft-check`, {
      text: 'Can you give me your account number?',
    });
    expect(codes(res)).toContain('REPEAT_ASK');
  });

  it('lets the same question through on a fresh conversation', async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: "Hi, I'd like to change my plan.",
    });
    const res = await quality.post(`/conversations/${conv.id}/draft-check`, {
      text: 'Can you give me your account number?',
    });
    expect(res.status).toBe(200);
    expect(res.json.warnings).toEqual([]);
  });

  it("flags an apology for the customer's own choice", async () => {
    const conv = await desk.conversation({
      customerId: (await desk.customer()).id,
      text: 'I have decided to cancel my subscription because I am moving abroad.',
    });
    const res = await quality.post(`/conversations/${conv.id}/draft-check`, {
      text: "I'm so sorry you decided to cancel.",
    });
    expect(codes(res)).toContain('APOLOGY_MISPLACED');
  });

  it('refuses an empty draft, naming the field', async () => {
    const conv = await desk.conversation({ customerId: (await desk.customer()).id, text: 'Hello' });
    const res = await quality.post(`/conversations/${conv.id}/draft-check`, { text: '  ' });
    expect(res.status).toBe(400);
    expect(res.json.invalid_params[0].name).toBe('text');
  });
});
