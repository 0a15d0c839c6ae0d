import { describe, expect, it } from 'vitest';
import { checkDraft } from './check-draft.js';
import type { Transcript } from './transcript-schema.js';

const base: Transcript = {
  channel: 'chat',
  customer: { verified: true },
  turns: [{ role: 'customer', text: 'Hi, I want to move my payment date to the 5th.' }],
};

describe('checkDraft', () => {
  it('warns before asking a verified customer for their account number', () => {
    const { warnings } = checkDraft({
      text: 'Sure! Could you confirm your account number first?',
      transcript: base,
    });
    expect(warnings).toEqual([
      {
        code: 'REPEAT_ASK',
        field: 'account',
        message: "Don't ask for the account number: the customer is already verified",
      },
    ]);
  });

  it("warns about an apology for the customer's own decision", () => {
    const transcript: Transcript = {
      channel: 'chat',
      turns: [{ role: 'customer', text: "I'd like to downgrade to the basic plan." }],
    };
    const { warnings } = checkDraft({ text: "I'm so sorry you've decided to downgrade.", transcript });
    expect(warnings.map((w) => w.code)).toEqual(['APOLOGY_MISPLACED']);
  });

  it('warns when a company error is still without an apology', () => {
    const transcript: Transcript = {
      channel: 'chat',
      turns: [{ role: 'customer', text: 'You charged me twice this month.' }],
    };
    expect(
      checkDraft({ text: 'Which card did you pay with?', transcript }).warnings.map((w) => w.code),
    ).toEqual(['APOLOGY_MISSING']);
    expect(
      checkDraft({ text: "I'm sorry about that, I'll refund the second charge now.", transcript }).warnings,
    ).toEqual([]);
  });

  it('has nothing to say about a good draft', () => {
    expect(
      checkDraft({ text: "Of course, I've moved it to the 5th from next month.", transcript: base }).warnings,
    ).toEqual([]);
  });
});
