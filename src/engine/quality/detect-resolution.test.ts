import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import { chat, type Line } from './testing/transcripts.js';

const reset: Line[] = [
  ['customer', "I can't log in to my account."],
  ['agent', "I've reset your password and sent a link to your email."],
];

describe('resolution', () => {
  it('is confirmed when the customer says it worked', () => {
    expect(
      scoreTranscript(chat([...reset, ['customer', "That worked, I'm in now. Thanks!"]])).resolution,
    ).toBe('confirmed');
    expect(scoreTranscript(chat([...reset, ['customer', 'perfect, all sorted']])).resolution).toBe(
      'confirmed',
    );
  });

  it('is only claimed when the customer merely thanks the agent', () => {
    expect(scoreTranscript(chat([...reset, ['customer', 'ok thanks']])).resolution).toBe('claimed');
  });

  it('is not confirmed by sarcasm', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'My order is three weeks late.'],
        ['agent', 'Please allow another 10 working days.'],
        ['customer', 'Great, another two weeks wasted. Thanks a lot.'],
      ]),
    );
    expect(result.resolution).toBe('unresolved');
  });

  it('goes back to unresolved when the customer says it still fails after the claim', () => {
    const result = scoreTranscript(
      chat([...reset, ['customer', 'The link did not work, it still says access denied.']]),
    );
    expect(result.resolution).toBe('unresolved');
  });

  it('is claimed from a resolved event without any customer confirmation', () => {
    const result = scoreTranscript(
      chat(
        [
          ['customer', 'Please update my phone number.'],
          ['agent', 'Sure, one moment.'],
        ],
        { events: [{ type: 'resolved' }] },
      ),
    );
    expect(result.resolution).toBe('claimed');
  });

  it('is confirmed when the customer reads the outcome back', () => {
    const result = scoreTranscript(
      chat([
        ['customer', 'The system split my seats, please fix it.'],
        ['agent', "I've moved you both to 14A and 14B."],
        ['customer', 'yes!! 14A and 14B, thank you'],
      ]),
    );
    expect(result.resolution).toBe('confirmed');
  });

  describe("in the customer's own words", () => {
    const reset: Line[] = [
      ['customer', 'I cannot log in to the app, it says my password is wrong.'],
      ['agent', 'I have sent a reset link to your email. Open it and choose a new password.'],
    ];
    it.each([
      'Problem solved, thanks for your help.',
      'Success! Back in.',
      'OK it lets me in now',
      'That worked a treat.',
    ])('"%s" confirms it', (text) => {
      expect(scoreTranscript(chat([...reset, ['customer', text]])).resolution).toBe('confirmed');
    });
    it.each([
      'That worked but now the app is frozen on the home screen.',
      'I will try that later.',
      'Still says wrong password.',
    ])('"%s" does not', (text) => {
      expect(scoreTranscript(chat([...reset, ['customer', text]])).resolution).not.toBe('confirmed');
    });
  });
});
