import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import type { Transcript } from './transcript-schema.js';

const reply = (text: string): Transcript => ({
  channel: 'email',
  turns: [
    { role: 'customer', text: 'My bank transfer to you has not shown up on my account.' },
    { role: 'agent', text },
  ],
});

describe('clarity', () => {
  it('rewards plain steps and a concrete next step', () => {
    const result = scoreTranscript(
      reply(
        "I've found the payment. It will show on your account by Thursday, and you'll receive an email when it does.",
      ),
    );
    expect(result.scores.clarity).toBeGreaterThanOrEqual(90);
  });

  it('penalises a wall of jargon and internal codes', () => {
    const result = scoreTranscript(
      reply(
        'Per the SLA your BACS remittance is in the reconciliation batch queue pending ledger settlement; the ACH node flagged ERR_4021 ' +
          'so tier 2 raised a P2 RCA in JIRA and the backend sync will propagate once the config is redeployed to the API.',
      ),
    );
    expect(result.scores.clarity).toBeLessThan(60);
    expect(result.evidence.some((e) => e.criterion === 'clarity' && e.why.startsWith('Jargon-heavy'))).toBe(
      true,
    );
  });

  it('penalises very long sentences', () => {
    const long =
      'We have looked into the matter that you raised with us and we can see that the payment was received by our bank but ' +
      'because the reference that was used did not match the reference that our system expects it was placed into a holding ' +
      'account where it will remain until a member of our team is able to review it and allocate it manually to your account.';
    expect(scoreTranscript(reply(long)).scores.clarity).toBeLessThan(
      scoreTranscript(reply('We found your payment.')).scores.clarity,
    );
  });

  it('treats workspace jargon from the rubric as jargon', () => {
    const text =
      'Your case went to the Blue Desk and the Blue Desk sent it to Blue Desk review, so Blue Desk will update the Blue Desk notes for the Blue Desk lead later.';
    const plain = scoreTranscript(reply(text)).scores.clarity;
    const withJargon = scoreTranscript(reply(text), { extraPhrases: { jargon: ['Blue Desk'] } }).scores
      .clarity;
    expect(withJargon).toBeLessThan(plain);
  });
});
