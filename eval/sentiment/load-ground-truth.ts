import { readFileSync } from 'node:fs';
import path from 'node:path';

// Hutto & Gilbert (ICWSM 2014) ground truth: one sentence per line, "id <TAB> mean rating <TAB> text",
// ratings on -4..+4, CRLF line ends, UTF-8, no newline after the last line. The files live outside the
// project (see README.md) and are only ever read, never copied in.

export const CORPORA = [
  'tweets',
  'amazonReviewSnippets',
  'movieReviewSnippets',
  'nytEditorialSnippets',
] as const;
export type Corpus = (typeof CORPORA)[number];

export type GroundTruthRow = { id: string; human: number; text: string };
export type GroundTruth = {
  rows: GroundTruthRow[];
  skipped: number;
  // 1-based, so a report can point at the offending lines.
  skippedLines: number[];
};

export const HUMAN_MIN = -4;
export const HUMAN_MAX = 4;

// Number('') and Number(' ') are 0, so a rating is matched as a decimal before it is converted.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

// The tweets still carry HTML escapes ("&amp;") from the API they were scraped from; raters saw them
// rendered, and a production message would arrive unescaped, so the scorers get the plain character.
const ENTITY = /&(?:amp|lt|gt|quot|apos|#(\d{1,6})|#x([0-9a-f]{1,6}));/gi;
const NAMED: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

export const decodeEntities = (text: string): string =>
  text.replace(ENTITY, (entity, dec: string | undefined, hex: string | undefined) => {
    if (dec === undefined && hex === undefined) return NAMED[entity.toLowerCase()] ?? entity;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });

const parseLine = (line: string): GroundTruthRow | undefined => {
  // Split on the first two tabs only, so a tab inside the sentence would stay part of the text.
  const firstTab = line.indexOf('\t');
  const secondTab = firstTab < 0 ? -1 : line.indexOf('\t', firstTab + 1);
  if (secondTab < 0) return undefined;
  const id = line.slice(0, firstTab).trim();
  const rating = line.slice(firstTab + 1, secondTab).trim();
  const text = decodeEntities(line.slice(secondTab + 1)).trim();
  if (id === '' || text === '' || !DECIMAL.test(rating)) return undefined;
  const human = Number(rating);
  if (!Number.isFinite(human) || human < HUMAN_MIN || human > HUMAN_MAX) return undefined;
  return { id, human, text };
};

// Blank lines are not counted as skipped: a trailing newline is not a malformed sentence.
export const parseGroundTruth = (content: string): GroundTruth => {
  const rows: GroundTruthRow[] = [];
  const skippedLines: number[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const row = parseLine(line);
    if (row) rows.push(row);
    else skippedLines.push(i + 1);
  });
  return { rows, skipped: skippedLines.length, skippedLines };
};

export const groundTruthPath = (dir: string, corpus: Corpus): string =>
  path.join(dir, `${corpus}_GroundTruth.txt`);

export const loadGroundTruth = (dir: string, corpus: Corpus): GroundTruth =>
  parseGroundTruth(readFileSync(groundTruthPath(dir, corpus), 'utf8'));
