import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks, keeping where each record starts', () => {
    const text = 'a,b,c\r\n1,"two, three","say ""hi"""\n2,"line one\nline two",x\n\n3,,\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['1', 'two, three', 'say "hi"'] },
        { line: 3, fields: ['2', 'line one\nline two', 'x'] },
        { line: 6, fields: ['3', '', ''] },
      ],
    });
  });

  it('reads a last record without a line break, and drops a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\n1,2').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reports a quote left open at the line it opened on', () => {
    const result = parseCsv('a,b\n1,"open\n2,3\n');
    expect(result.error).toEqual({ line: 2, reason: 'a quoted field is never closed' });
    expect(result.records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });
});
