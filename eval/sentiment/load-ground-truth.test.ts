import { describe, expect, it } from 'vitest';
import { decodeEntities, parseGroundTruth } from './load-ground-truth.js';

// Shaped like the real files (CRLF, no final newline) but inline, so the suite never needs ../shared.
const SAMPLE = [
  '1\t2.726315789\tSo lucky to have such amazing friends.',
  '2_1\t-0.9\ttroubleshooting ad-2500, no picture.',
  '',
  'no rating here',
  '3\tabc\tnot a number',
  '4\t\tempty rating',
  '5\t7.5\tout of range',
  '6\t1.0\t   ',
  '7\t-4\tWe were 17 deep &amp; the love was &quot;so&quot; strong',
  '8\t0.15\ttext with\ta tab inside',
].join('\r\n');

describe('parseGroundTruth', () => {
  const parsed = parseGroundTruth(`\uFEFF${SAMPLE}`);

  it('reads id, human mean and text from well-formed lines', () => {
    expect(parsed.rows[0]).toEqual({
      id: '1',
      human: 2.726315789,
      text: 'So lucky to have such amazing friends.',
    });
    expect(parsed.rows[1]).toEqual({ id: '2_1', human: -0.9, text: 'troubleshooting ad-2500, no picture.' });
  });

  it('skips and counts malformed lines but ignores blank ones', () => {
    expect(parsed.rows.map((r) => r.id)).toEqual(['1', '2_1', '7', '8']);
    expect(parsed.skipped).toBe(5);
    expect(parsed.skippedLines).toEqual([4, 5, 6, 7, 8]);
  });

  it('keeps the scale ends, decodes HTML escapes and keeps a tab inside the text', () => {
    expect(parsed.rows[2]).toEqual({
      id: '7',
      human: -4,
      text: 'We were 17 deep & the love was "so" strong',
    });
    expect(parsed.rows[3]?.text).toBe('text with\ta tab inside');
  });

  it('accepts LF-only files and a trailing newline', () => {
    const lf = parseGroundTruth('1\t0.5\tfine\n2\t-1\tbad\n');
    expect(lf.rows).toHaveLength(2);
    expect(lf.skipped).toBe(0);
  });
});

describe('decodeEntities', () => {
  it('decodes each entity once, so an escaped escape stays readable', () => {
    expect(decodeEntities('&amp;lt; &#39;hi&#x27; &nbsp;')).toBe("&lt; 'hi' &nbsp;");
  });
});
