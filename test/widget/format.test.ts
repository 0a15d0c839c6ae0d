import { describe, expect, it } from 'vitest';
import { backAtText, waitRange } from '../../widget/src/format.js';

describe("the widget's words for waits and opening times", () => {
  it('gives the wait as a range of minutes, never a false precision', () => {
    expect(waitRange({ minSeconds: 0, maxSeconds: 45 })).toBe('under a minute');
    expect(waitRange({ minSeconds: 120, maxSeconds: 300 })).toBe('2–5 min');
    expect(waitRange({ minSeconds: 170, maxSeconds: 190 })).toBe('about 3 min');
  });

  it("says when the team is back on the visitor's own clock: today, tomorrow or the day", () => {
    const now = new Date(2026, 11, 7, 18, 0);
    expect(backAtText(new Date(2026, 11, 7, 21, 30).toISOString(), now)).toMatch(/^today at /);
    expect(backAtText(new Date(2026, 11, 8, 9, 0).toISOString(), now)).toMatch(/^tomorrow at .*9/);
    const later = backAtText(new Date(2026, 11, 10, 9, 0).toISOString(), now);
    expect(later).toContain(
      new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2026, 11, 10)),
    );
    expect(backAtText('not a date', now)).toBe('soon');
  });
});
