import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { call, type Line } from './testing/transcripts.js';

const opening: Line[] = [
  ['agent', 'hello this is the bank how can i help you today'],
  ['customer', 'hi i need to check my account balance'],
  ['agent', 'which account would you like to check'],
  ['customer', 'my savings account'],
];

describe('resolution on calls: the agent stating the outcome', () => {
  it('reads a stated answer or a completed action as at least claimed', () => {
    for (const said of [
      'your savings account balance is one hundred forty seven dollars',
      'a new checkbook has been sent to your home address',
      'one hundred and forty six dollars has been transferred from your checking account',
      "i've ordered your replacement credit card",
      'okay got that done',
      'we will send your payment to fossil gas',
    ]) {
      expect(scoreTranscript(call([...opening, ['agent', said]])).resolution, said).toBe('claimed');
    }
  });

  it('does not read a question, a plan or a condition as a claim', () => {
    for (const said of [
      'what is your balance limit would you like',
      'if you confirm the address we will send your card',
      'i will look into the transfer',
    ]) {
      expect(scoreTranscript(call([...opening, ['agent', said]])).resolution, said).toBe('unresolved');
    }
  });
});

describe("resolution on calls: the customer's satisfied close", () => {
  const claimed: Line[] = [
    ...opening,
    ['agent', 'your savings balance is sixty dollars'],
    ['agent', 'anything else'],
  ];

  it('confirms the claim when the customer closes satisfied', () => {
    for (const close of ['no that was all thank you', 'great thank you so much', "nope that's gonna be it"]) {
      expect(scoreTranscript(call([...claimed, ['customer', close]])).resolution, close).toBe('confirmed');
    }
  });

  it('does not confirm on a curt or bare reply, or when the customer says the problem stands', () => {
    for (const close of ['no', 'ok thanks', "that's not right it should be more than that"]) {
      expect(scoreTranscript(call([...claimed, ['customer', close]])).resolution, close).not.toBe(
        'confirmed',
      );
    }
  });

  it('does not confirm a close that comes before anything was said to be done', () => {
    const result = scoreTranscript(
      call([...opening, ['agent', 'anything else'], ['customer', 'no that was all thank you']]),
    );
    expect(result.resolution).toBe('unresolved');
  });
});
