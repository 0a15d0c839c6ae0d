export type CsvRecord = { line: number; fields: string[] };
export type CsvResult = { records: CsvRecord[]; error?: { line: number; reason: string } };

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). Each record keeps the line it starts on, so a bad
 * row is reported where an editor shows it. A quote left open stops the reading there: what
 * follows cannot be told apart from the open field, so it is reported rather than guessed.
 * A byte-order mark is dropped; a blank line is not a record.
 */
export function parseCsv(text: string): CsvResult {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let touched = false;
  const endRecord = () => {
    if (touched || fields.length) records.push({ line: recordLine, fields: [...fields, field] });
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteOpenedAt = line;
      touched = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      touched = true;
    }
  }
  if (quoted) return { records, error: { line: quoteOpenedAt, reason: 'a quoted field is never closed' } };
  endRecord();
  return { records };
}
