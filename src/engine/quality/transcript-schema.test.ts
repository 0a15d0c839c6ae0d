import { describe, expect, it } from 'vitest';
import { formatValidationError } from './format-validation-error.js';
import { transcriptSchema } from './transcript-schema.js';

const errorOf = (input: unknown): string => {
  const result = transcriptSchema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  return formatValidationError(result.error);
};

describe('transcriptSchema', () => {
  it('accepts ISO and millisecond times, passthrough event extras and any string in known', () => {
    const parsed = transcriptSchema.parse({
      id: 'c1',
      channel: 'phone',
      customer: { name: 'Jo', known: { email: 'jo@example.com', loyaltyTier: 'gold' }, verified: true },
      turns: [
        { role: 'customer', text: 'hi', at: '2024-03-01T10:00:00Z' },
        { role: 'agent', text: 'hello', at: 5000, agent: 'Sam', overlap: true },
      ],
      events: [{ type: 'hold', afterTurn: 0, durationSeconds: 400, queue: 'billing' }],
    });
    expect(parsed.customer?.known?.['loyaltyTier']).toBe('gold');
    expect(parsed.events?.[0]).toMatchObject({ queue: 'billing' });
  });

  it('names the path of an invalid role', () => {
    expect(
      errorOf({
        channel: 'chat',
        turns: [
          { role: 'customer', text: 'a' },
          { role: 'robot', text: 'b' },
        ],
      }),
    ).toBe('turns.1.role: Invalid option: expected one of "customer"|"agent"|"bot"|"system"');
  });

  it('rejects unknown fields at the top level and in turns, naming the field', () => {
    expect(errorOf({ channel: 'chat', colour: 'red', turns: [{ role: 'customer', text: 'a' }] })).toMatch(
      /^colour: /,
    );
    expect(errorOf({ channel: 'chat', turns: [{ role: 'customer', text: 'a', mood: 'sad' }] })).toMatch(
      /^turns\.0\.mood: /,
    );
  });

  it('rejects non-string values in known, an unknown channel and an out-of-range afterTurn', () => {
    expect(
      errorOf({
        channel: 'chat',
        customer: { known: { zip: 90210 } },
        turns: [{ role: 'customer', text: 'a' }],
      }),
    ).toMatch(/^customer\.known\.zip: /);
    expect(errorOf({ channel: 'fax', turns: [{ role: 'customer', text: 'a' }] })).toMatch(/^channel: /);
    expect(
      errorOf({
        channel: 'chat',
        turns: [{ role: 'customer', text: 'a' }],
        events: [{ type: 'hold', afterTurn: 3 }],
      }),
    ).toMatch(/^events\.0\.afterTurn: Refers to turn 3/);
  });

  it('rejects an empty conversation and a malformed time', () => {
    expect(errorOf({ channel: 'chat', turns: [] })).toMatch(/^turns: /);
    expect(errorOf({ channel: 'chat', turns: [{ role: 'customer', text: 'a', at: 'yesterday' }] })).toMatch(
      /^turns\.0\.at: /,
    );
  });
});
