import { createInterface } from 'node:readline';
import { EXIT } from '../exit-codes.js';
import { formatValidationError, scoreTranscript, transcriptSchema } from '../../engine/quality/index.js';

type Writable = { write(chunk: string): unknown; once?: (event: 'drain', listener: () => void) => unknown };

export type ScoreOptions = {
  input: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
};

export type ScoreSummary = { scored: number; failed: number };

// Writing 100k result lines into a slow pipe must not buffer them all in memory.
const writeLine = async (out: Writable, line: string): Promise<void> => {
  if (out.write(`${line}\n`) === false && typeof out.once === 'function') {
    await new Promise<void>((resolve) => out.once!('drain', resolve));
  }
};

type Outcome = { ok: true; json: string } | { ok: false; message: string };

const scoreText = (text: string): Outcome => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${(error as Error).message}` };
  }
  const parsed = transcriptSchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: formatValidationError(parsed.error) };
  return { ok: true, json: JSON.stringify(scoreTranscript(parsed.data)) };
};

// One JSON object per line is scored as it streams in. A file whose first line is not a complete
// object is read as one (pretty-printed) transcript instead.
const isWholeObjectLine = (line: string): boolean => {
  const trimmed = line.trim();
  return trimmed.startsWith('{') && trimmed.endsWith('}');
};

export async function scoreStream(options: ScoreOptions): Promise<ScoreSummary> {
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  const summary: ScoreSummary = { scored: 0, failed: 0 };
  const report = async (lineNumber: number, outcome: Outcome): Promise<void> => {
    if (outcome.ok) {
      summary.scored += 1;
      await writeLine(options.stdout, outcome.json);
    } else {
      summary.failed += 1;
      await writeLine(options.stderr, `line ${lineNumber}: ${outcome.message}`);
    }
  };
  let lineNumber = 0;
  let mode: 'unknown' | 'lines' | 'document' = 'unknown';
  let document = '';
  let documentStart = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (mode === 'document') {
      document += `\n${line}`;
      continue;
    }
    if (line.trim() === '') continue;
    if (mode === 'unknown') {
      mode = isWholeObjectLine(line) ? 'lines' : 'document';
      if (mode === 'document') {
        document = line;
        documentStart = lineNumber;
        continue;
      }
    }
    await report(lineNumber, scoreText(line));
  }
  if (mode === 'document') await report(documentStart, scoreText(document));
  return summary;
}

/** Scores every transcript read from `input`; resolves to the exit code (1 if any failed). */
export async function runScore(options: ScoreOptions): Promise<number> {
  const { failed } = await scoreStream(options);
  return failed > 0 ? EXIT.FAILURE : EXIT.OK;
}
