import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat, type Line } from './testing/transcripts.js';

describe('repeat asks', () => {
  it('catches an indirect ask for an account number already given', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'Hi, my account number is 44712290 and my broadband is down.'],
        ['agent', 'Could you confirm the number on your account for me?'],
      ]),
    );
    expect(result.flags.repeatAsk).toBe(true);
    expect(result.repeatAsks).toEqual([{ turn: 1, slot: 'account', givenIn: 0, source: 'said' }]);
    expect(result.reasons).toContain('Asked again for the account number already given in turn 0');
    expect(result.scores.repeatAsk).toBeLessThan(100);
  });

  it('catches "which email is the account under?" when the email is on the record', () => {
    const result = scoreTranscript(
      chat(
        [
          ['customer', 'I need to change my delivery address.'],
          ['agent', 'Which email is the account under?'],
        ],
        {
          customer: { known: { email: 'jo@example.com' } },
        },
      ),
    );
    expect(result.repeatAsks[0]).toMatchObject({ slot: 'email', source: 'known' });
  });

  it('catches being asked to describe the problem again', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My router keeps restarting every ten minutes since the update yesterday.'],
        ['bot', "Thanks, I'm passing you to a colleague."],
        ['agent', "Hi, I'm Dana. Remind me what's going on?"],
      ]),
    );
    expect(result.repeatAsks).toEqual([{ turn: 2, slot: 'problem', givenIn: 0, source: 'said' }]);
  });

  it('does not flag asking for something not yet given', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'Hi, I need to update my address.'],
        ['agent', 'Of course. Can I take your account number, please?'],
      ]),
    );
    expect(result.flags.repeatAsk).toBe(false);
    expect(result.scores.repeatAsk).toBe(100);
  });

  it('does not flag reading a value back to confirm it', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My account number is 4471.'],
        ['agent', "So that's account 4471, right?"],
      ]),
    );
    expect(result.flags.repeatAsk).toBe(false);
  });

  it('does not flag asking for a different email', () => {
    const result = scoreTranscript(
      chat(
        [
          ['customer', 'Please send it to me.'],
          ['agent', 'Is there a different email you would like it sent to?'],
        ],
        {
          customer: { known: { email: 'jo@example.com' } },
        },
      ),
    );
    expect(result.flags.repeatAsk).toBe(false);
  });

  it('treats a verified customer as known: asking for the account number is a repeat', () => {
    const lines: Line[] = [
      ['customer', 'I want to check my balance.'],
      ['agent', 'Can I get your account number please?'],
    ];
    expect(scoreTranscript(chat(lines, { customer: { verified: true } })).repeatAsks[0]).toMatchObject({
      slot: 'account',
      source: 'verified',
    });
    expect(scoreTranscript(chat(lines)).flags.repeatAsk).toBe(false);
  });

  it('counts a verified event only from where it happened', () => {
    const lines: Line[] = [
      ['agent', 'What is your account number?'],
      ['customer', '44712290'],
      ['agent', 'Thanks. What is the problem today?'],
      ['customer', 'My card was declined at a shop this morning.'],
      ['agent', 'Before I look, can you give me your account number again?'],
    ];
    const result = scoreTranscript(chat(lines, { events: [{ type: 'verified', afterTurn: 1 }] }));
    expect(result.repeatAsks.map((r) => r.turn)).toEqual([4]);
  });

  it('remembers what a bot collected when a human takes over', () => {
    const result = scoreTranscript(
      chat([
        ['bot', 'Please enter your order number.'],
        ['customer', 'ZX-55123'],
        ['agent', "Hi, I'm Lee. What's the order number?"],
      ]),
    );
    expect(result.repeatAsks[0]).toMatchObject({ turn: 2, slot: 'orderId', givenIn: 1 });
  });

  it('lowers the score with each repeat', () => {
    const one = scoreTranscript(
      chat([
        ['customer', 'My email is jo@example.com'],
        ['agent', 'What is your email address?'],
      ]),
    ).scores.repeatAsk;
    const two = scoreTranscript(
      chat([
        ['customer', 'My email is jo@example.com and my phone is 07700 900123'],
        ['agent', 'What is your email address?'],
        ['customer', 'jo@example.com'],
        ['agent', 'And your phone number?'],
      ]),
    ).scores.repeatAsk;
    expect(one).toBeLessThan(100);
    expect(two).toBeLessThan(one);
  });
});
