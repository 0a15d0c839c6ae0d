import { describe, expect, it } from 'vitest';
import { defaultRubric, scoreTranscript, transcriptSchema, type QualityResult } from './index.js';

const transcript = transcriptSchema.parse({
  id: 'conv-42',
  channel: 'chat',
  customer: { name: 'Jo Bloggs', known: { email: 'jo@example.com' } },
  turns: [
    { role: 'customer', text: "Hi, I've been charged twice for order ZX-55123 and I'm annoyed.", at: 0 },
    {
      role: 'agent',
      text: "I'm sorry, Jo, that sounds frustrating. Let me fix that for you now.",
      at: 30_000,
    },
    {
      role: 'agent',
      text: "I've refunded the duplicate payment; you'll see it within 3 working days.",
      at: 90_000,
    },
    { role: 'customer', text: 'I can see it pending in my app now, thanks!', at: 150_000 },
  ],
});

const inRange = (value: number, low: number, high: number): boolean => value >= low && value <= high;

describe('scoreTranscript output contract', () => {
  const result: QualityResult = scoreTranscript(transcript);

  it('echoes the id and returns every contracted field in range', () => {
    expect(result.id).toBe('conv-42');
    expect(Number.isInteger(result.overall) && inRange(result.overall, 0, 100)).toBe(true);
    expect([1, 2, 3, 4]).toContain(result.road);
    for (const name of ['empathy', 'listening', 'apologyFit', 'repeatAsk', 'clarity'] as const) {
      expect(Number.isInteger(result.scores[name]) && inRange(result.scores[name], 0, 100)).toBe(true);
    }
    expect(['confirmed', 'claimed', 'unresolved']).toContain(result.resolution);
    expect(['fit', 'misplaced', 'missed', 'none']).toContain(result.apology);
    expect(Object.keys(result.flags).sort()).toEqual(
      [
        'apologyMisplaced',
        'longHold',
        'multipleTransfers',
        'prematureClose',
        'redirectAndClose',
        'repeatAsk',
      ].sort(),
    );
    for (const value of [result.sentiment.start, result.sentiment.end, result.sentiment.change])
      expect(inRange(value, -2, 2)).toBe(true);
    expect(inRange(result.sentiment.start, -1, 1) && inRange(result.sentiment.end, -1, 1)).toBe(true);
    for (const e of result.evidence) {
      expect(typeof e.criterion).toBe('string');
      expect(Number.isInteger(e.turn)).toBe(true);
      expect(e.quote.length).toBeGreaterThan(0);
      expect(e.why.length).toBeGreaterThan(0);
    }
    expect(result.reasons.every((r) => typeof r === 'string' && !r.includes('\n'))).toBe(true);
  });

  it('has one sentiment entry per customer turn, pointing at the turn index', () => {
    expect(result.sentiment.turns.map((t) => t.turn)).toEqual([0, 3]);
    expect(result.sentiment.start).toBeLessThan(0);
    expect(result.sentiment.end).toBeGreaterThan(0);
    expect(result.sentiment.change).toBeCloseTo(result.sentiment.end - result.sentiment.start, 5);
  });

  it('judges this conversation as a good one', () => {
    expect(result.resolution).toBe('confirmed');
    expect(result.apology).toBe('fit');
    expect(result.road).toBe(2);
    expect(result.overall).toBeGreaterThanOrEqual(80);
  });

  it('omits the id when the input has none, and is deterministic', () => {
    const { id: _id, ...anonymous } = transcript;
    expect('id' in scoreTranscript(anonymous)).toBe(false);
    expect(scoreTranscript(transcript)).toEqual(result);
  });

  it('uses the rubric weights and penalties for the overall score', () => {
    const onlyClarity = scoreTranscript(transcript, {
      weights: { empathy: 0, listening: 0, apologyFit: 0, repeatAsk: 0, clarity: 1 },
    });
    expect(onlyClarity.overall).toBe(onlyClarity.scores.clarity);
    const held = { ...transcript, events: [{ type: 'hold' as const, durationSeconds: 600 }] };
    const penalised = scoreTranscript(held).overall;
    const forgiving = scoreTranscript(held, {
      penalties: { ...defaultRubric.penalties, longHold: 0 },
    }).overall;
    expect(forgiving).toBeGreaterThan(penalised);
  });

  it('merges workspace phrases into the lexicons', () => {
    const lines = {
      channel: 'chat' as const,
      turns: [
        { role: 'customer' as const, text: 'My order is late again and I am upset.' },
        { role: 'agent' as const, text: 'Oof, what a saga for you.' },
      ],
    };
    const before = scoreTranscript(lines).scores.empathy;
    const after = scoreTranscript(lines, { extraPhrases: { empathy: ['what a saga'] } }).scores.empathy;
    expect(after).toBeGreaterThan(before);
  });
});
