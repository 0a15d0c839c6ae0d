import { describe, expect, it } from 'vitest';
import { mergeSegments } from './merge-segments.js';
import type { Transcript } from './transcript-schema.js';

const call = (
  turns: [Transcript['turns'][number]['role'], string][],
  events?: Transcript['events'],
): Transcript => ({
  channel: 'phone',
  turns: turns.map(([role, text]) => ({ role, text })),
  ...(events ? { events } : {}),
});

describe('mergeSegments', () => {
  it('joins consecutive segments of one speaker into one turn and remembers where each began', () => {
    const { transcript, origin } = mergeSegments(
      call([
        ['agent', 'what is your address'],
        ['customer', 'my address is'],
        ['customer', 'four two one'],
        ['customer', 'first street'],
        ['agent', 'okay'],
      ]),
    );
    expect(transcript.turns.map((t) => t.text)).toEqual([
      'what is your address',
      'my address is four two one first street',
      'okay',
    ]);
    expect(origin).toEqual([0, 1, 4]);
  });

  it('keeps turns of different speakers, or different agents, apart', () => {
    const { transcript } = mergeSegments({
      channel: 'phone',
      turns: [
        { role: 'agent', text: 'cards team', agent: 'Jo' },
        { role: 'agent', text: 'fraud team', agent: 'Lee' },
        { role: 'customer', text: 'hi' },
      ],
    });
    expect(transcript.turns).toHaveLength(3);
  });

  it('does not join across an event such as a hold, and moves the event to the merged turn', () => {
    const { transcript } = mergeSegments(
      call(
        [
          ['customer', 'hi'],
          ['agent', 'one moment'],
          ['agent', 'thanks for holding'],
          ['agent', 'it is done'],
        ],
        [{ type: 'hold', afterTurn: 1, durationSeconds: 400 }],
      ),
    );
    expect(transcript.turns.map((t) => t.text)).toEqual([
      'hi',
      'one moment',
      'thanks for holding it is done',
    ]);
    expect(transcript.events?.[0]?.afterTurn).toBe(1);
  });

  it('drops segments with nothing said once noise and fillers are gone', () => {
    const { transcript, origin } = mergeSegments(
      call([
        ['customer', '[noise]'],
        ['agent', 'hello how can i help'],
        ['customer', 'um'],
        ['agent', '[noise] hello?'],
      ]),
    );
    expect(transcript.turns.map((t) => t.text)).toEqual(['hello how can i help hello?']);
    expect(origin).toEqual([1]);
  });
});
