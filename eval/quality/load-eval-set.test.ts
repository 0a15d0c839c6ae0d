import { describe, expect, it } from 'vitest';
import {
  APOLOGIES,
  FLAG_NAMES,
  LEVELS,
  RESOLUTIONS,
  ROADS,
  SPLITS,
  loadEvalSet,
  parseEvalFile,
  type EvalCase,
} from './load-eval-set.js';

const bySplit = Object.fromEntries(SPLITS.map((s) => [s, loadEvalSet(s)])) as Record<
  (typeof SPLITS)[number],
  EvalCase[]
>;
const all = [...bySplit.tune, ...bySplit.heldout];

const count = (cases: EvalCase[], pred: (c: EvalCase) => boolean) => cases.filter(pred).length;

describe('quality eval set', () => {
  it('parses every line of both files against the schema', () => {
    expect(bySplit.tune.length).toBeGreaterThan(0);
    expect(bySplit.heldout.length).toBeGreaterThan(0);
  });

  it('rejects a line that breaks the schema, naming the line', () => {
    const good = JSON.stringify(bySplit.tune[0]);
    const bad = JSON.stringify({ ...bySplit.tune[0], labels: { ...bySplit.tune[0]!.labels, road: 5 } });
    expect(() => parseEvalFile(`${good}\n${bad}\n`, 'x.jsonl')).toThrow(/x\.jsonl:2: labels\.road/);
  });

  it('has unique ids across both splits', () => {
    const ids = all.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is large enough and split about two thirds / one third', () => {
    expect(all.length).toBeGreaterThanOrEqual(120);
    const share = bySplit.heldout.length / all.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.38);
  });

  it('meets the overall coverage targets', () => {
    for (const channel of ['chat', 'email', 'phone'] as const) {
      expect(
        count(all, (c) => c.transcript.channel === channel),
        channel,
      ).toBeGreaterThanOrEqual(35);
    }
    for (const road of ROADS) {
      expect(
        count(all, (c) => c.labels.road === road),
        `road ${road}`,
      ).toBeGreaterThanOrEqual(20);
    }
    for (const flag of FLAG_NAMES) {
      expect(
        count(all, (c) => c.labels.flags[flag]),
        flag,
      ).toBeGreaterThanOrEqual(8);
    }
  });

  for (const split of SPLITS) {
    describe(`${split} split coverage`, () => {
      const cases = bySplit[split];
      it('has every road', () => {
        for (const road of ROADS)
          expect(
            count(cases, (c) => c.labels.road === road),
            `road ${road}`,
          ).toBeGreaterThan(0);
      });
      it('has each flag both true and false', () => {
        for (const flag of FLAG_NAMES) {
          expect(
            count(cases, (c) => c.labels.flags[flag]),
            `${flag} true`,
          ).toBeGreaterThan(0);
          expect(
            count(cases, (c) => !c.labels.flags[flag]),
            `${flag} false`,
          ).toBeGreaterThan(0);
        }
      });
      it('has every resolution, apology, empathy and listening value', () => {
        for (const r of RESOLUTIONS)
          expect(
            count(cases, (c) => c.labels.resolution === r),
            r,
          ).toBeGreaterThan(0);
        for (const a of APOLOGIES)
          expect(
            count(cases, (c) => c.labels.apology === a),
            a,
          ).toBeGreaterThan(0);
        for (const l of LEVELS) {
          expect(
            count(cases, (c) => c.labels.empathy === l),
            `empathy ${l}`,
          ).toBeGreaterThan(0);
          expect(
            count(cases, (c) => c.labels.listening === l),
            `listening ${l}`,
          ).toBeGreaterThan(0);
        }
      });
      it('has chat, email and phone', () => {
        for (const ch of ['chat', 'email', 'phone'] as const) {
          expect(
            count(cases, (c) => c.transcript.channel === ch),
            ch,
          ).toBeGreaterThan(0);
        }
      });
    });
  }

  // Labels that follow mechanically from the definitions must agree with the transcript.
  describe('label consistency with the definitions', () => {
    it.each(all.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      const { labels: l, transcript: t } = c;
      const events = t.events ?? [];
      expect(t.turns.length).toBeGreaterThanOrEqual(4);
      expect(t.turns.length).toBeLessThanOrEqual(30);
      expect(l.flags.apologyMisplaced).toBe(l.apology === 'misplaced');
      expect(l.flags.longHold).toBe(events.some((e) => e.type === 'hold' && (e.durationSeconds ?? 0) > 300));
      expect(l.flags.multipleTransfers).toBe(events.filter((e) => e.type === 'transfer').length > 1);
      const road4Signal =
        l.flags.repeatAsk ||
        l.flags.prematureClose ||
        l.flags.redirectAndClose ||
        l.flags.longHold ||
        l.flags.multipleTransfers ||
        l.resolution === 'unresolved' ||
        events.some((e) => (e.type === 'ivr' && e.loop === true) || e.type === 'callback_missed');
      expect(l.road === 4).toBe(road4Signal);
      if (!road4Signal && events.some((e) => e.type === 'feedback_logged')) expect(l.road).toBe(1);
      if (l.road === 3) expect(l.resolution).toBe('confirmed');
      if (l.flags.redirectAndClose) expect(l.resolution).toBe('unresolved');
      if (l.flags.prematureClose) expect(l.listening).toBe('low');
    });
  });
});
