import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './score-transcript.js';
import type { Transcript } from './transcript-schema.js';

const call = (events: Transcript['events'], turns?: Transcript['turns']): Transcript => ({
  channel: 'phone',
  turns: turns ?? [
    { role: 'customer', text: 'I need to change my direct debit date.' },
    { role: 'agent', text: "I've moved it to the 5th of each month." },
  ],
  events,
});

describe('event flags', () => {
  it('flags a hold longer than the rubric limit, from its duration', () => {
    expect(scoreTranscript(call([{ type: 'hold', afterTurn: 0, durationSeconds: 301 }])).flags.longHold).toBe(
      true,
    );
    expect(scoreTranscript(call([{ type: 'hold', afterTurn: 0, durationSeconds: 300 }])).flags.longHold).toBe(
      false,
    );
    expect(
      scoreTranscript(call([{ type: 'hold', durationSeconds: 301 }]), { longHoldSeconds: 600 }).flags
        .longHold,
    ).toBe(false);
  });

  it('measures a hold without a duration from the timestamps around it', () => {
    const turns: Transcript['turns'] = [
      { role: 'customer', text: 'Can you check my payment?', at: '2024-05-01T10:00:00Z' },
      { role: 'agent', text: 'Please hold while I check.', at: '2024-05-01T10:00:20Z' },
      { role: 'agent', text: 'Thanks for waiting, the payment went through.', at: '2024-05-01T10:09:20Z' },
    ];
    const result = scoreTranscript(call([{ type: 'hold', afterTurn: 1 }], turns));
    expect(result.flags.longHold).toBe(true);
    expect(result.signals.longestHoldSeconds).toBe(540);
    expect(result.reasons).toContain('Customer was on hold for 9 minutes (limit 5 minutes)');
  });

  it('flags more than one transfer, but not a single one', () => {
    expect(scoreTranscript(call([{ type: 'transfer' }])).flags.multipleTransfers).toBe(false);
    const twice = scoreTranscript(call([{ type: 'transfer' }, { type: 'transfer' }]));
    expect(twice.flags.multipleTransfers).toBe(true);
    expect(twice.road).toBe(4);
  });

  it('treats repeated IVR menus and looping menus as Road 4', () => {
    expect(scoreTranscript(call([{ type: 'ivr' }, { type: 'ivr' }])).signals.ivrLoop).toBe(true);
    expect(scoreTranscript(call([{ type: 'ivr', loop: true }])).road).toBe(4);
    expect(scoreTranscript(call([{ type: 'ivr' }])).signals.ivrLoop).toBe(false);
  });

  it('reports a missed callback', () => {
    const result = scoreTranscript(call([{ type: 'callback_missed' }]));
    expect(result.signals.callbackMissed).toBe(true);
    expect(result.reasons).toContain('A promised callback was missed');
    expect(result.road).toBe(4);
  });

  it('sends a conversation with a broken promise down Road 4, quoting the promise, and not one without', () => {
    const result = scoreTranscript(
      call([{ type: 'promise_broken', note: 'quote Q7K2M9P: 10% off renewal' }]),
    );
    expect(result.signals.promiseBroken).toBe(true);
    expect(result.road).toBe(4);
    expect(result.reasons).toContain('A promise to the customer was broken: quote Q7K2M9P: 10% off renewal');
    const kept = scoreTranscript(call([{ type: 'callback_offered' }]));
    expect(kept.signals.promiseBroken).toBe(false);
    expect(kept.road).not.toBe(4);
  });
});
