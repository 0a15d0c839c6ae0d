import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { parseCsv, type CsvRecord } from '../parse-csv.js';
import { runAdminCommand } from '../run-admin-command.js';
import { drawProgress } from '../progress.js';

const columns = [
  'externalId',
  'authorHandle',
  'authorName',
  'followers',
  'rating',
  'text',
  'url',
  'createdAt',
];
// The admin socket takes requests of up to 64 KB: batches stay well under it.
const batchBytes = 48 * 1024;
const batchRows = 200;

type Row = { line: number; item: Record<string, unknown> };
type Rejected = { line: number; reason: string };
type Outcome = { line?: number; result: 'created' | 'updated' | 'unchanged' | 'rejected'; reason?: string };

export function registerImportCommand(program: Command, ctx: CliContext): void {
  const group = program.command('import').description('bring records in from files');
  group
    .command('reviews <file>')
    .description(
      `import reviews from a CSV file (header ${columns.join(',')}) into the review source of that name, created if missing`,
    )
    .requiredOption('--workspace <id>', 'the workspace id (printed by init)')
    .requiredOption('--source <name>', 'the review source to import into')
    .option('--backfill', 'old items: record them without opening cases or follow-ups')
    .option('--json', 'print the summary as one JSON line')
    .action(
      async (
        file: string,
        options: { workspace: string; source: string; backfill?: boolean; json?: boolean },
      ) => {
        const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
          throw new CliError(`cannot read ${file}: ${err.code ?? err.message}`, EXIT.FAILURE);
        });
        const { rows, rejected } = rowsOf(text);
        const counts = { created: 0, updated: 0, unchanged: 0, rejected: rejected.length };
        const progress = drawProgress(ctx, rows.length + rejected.length, 'rows');
        progress.advance(rejected.length);
        for (const batch of batches(rows, rejected)) {
          const result = await runAdminCommand(ctx, 'reviews.import', {
            workspace: options.workspace,
            source: options.source,
            backfill: Boolean(options.backfill),
            rows: batch,
          });
          for (const r of result.results as Outcome[]) {
            counts[r.result]++;
            if (r.result === 'rejected') rejected.push({ line: r.line ?? 0, reason: r.reason ?? 'rejected' });
          }
          progress.advance(batch.length);
        }
        progress.done();
        rejected.sort((a, b) => a.line - b.line);
        if (options.json) ctx.json({ ...counts, rejectedRows: rejected });
        else {
          for (const r of rejected) ctx.err(`line ${r.line}: ${r.reason}`);
          ctx.out(
            `Imported into "${options.source}": ${counts.created} created, ${counts.updated} updated, ` +
              `${counts.unchanged} unchanged, ${counts.rejected} rejected.`,
          );
        }
        if (rejected.length) {
          throw new CliError(
            `${rejected.length} row${rejected.length === 1 ? ' was' : 's were'} rejected`,
            EXIT.FAILURE,
          );
        }
      },
    );
}

/**
 * The file's rows in the item contract. Only what the CSV itself decides is checked here (the
 * header, the number of fields); every value is checked by the server like any posted item, so a
 * row is refused for the same reasons whichever way it came. Numbers are sent as numbers when they
 * read as one, as written otherwise, for the server to name.
 */
function rowsOf(text: string): { rows: Row[]; rejected: Rejected[] } {
  const parsed = parseCsv(text);
  const [header, ...records] = parsed.records;
  const missing = columns.filter((c) => !header?.fields.includes(c));
  if (!header || missing.length) {
    throw new CliError(
      `the header must name ${columns.join(',')} (missing: ${missing.join(', ')})`,
      EXIT.FAILURE,
    );
  }
  const at = (record: CsvRecord, name: string) => record.fields[header.fields.indexOf(name)] ?? '';
  const rows: Row[] = [];
  const rejected: Rejected[] = parsed.error ? [parsed.error] : [];
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      rejected.push({
        line: record.line,
        reason: `has ${record.fields.length} fields where the header has ${header.fields.length}`,
      });
      continue;
    }
    const optional = (name: string, value = at(record, name).trim()) => (value === '' ? undefined : value);
    const followers = optional('followers');
    const rating = optional('rating');
    rows.push({
      line: record.line,
      item: {
        externalId: at(record, 'externalId'),
        author: {
          handle: at(record, 'authorHandle'),
          ...(optional('authorName') ? { name: at(record, 'authorName') } : {}),
          ...(followers !== undefined ? { followers: numberOr(followers) } : {}),
        },
        ...(rating !== undefined ? { rating: numberOr(rating) } : {}),
        text: at(record, 'text'),
        ...(optional('url') ? { url: at(record, 'url').trim() } : {}),
        createdAt: at(record, 'createdAt').trim(),
      },
    });
  }
  return { rows, rejected };
}

const numberOr = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/** Rows in batches the admin socket takes; a row too large for any batch is refused here. */
function* batches(rows: Row[], rejected: Rejected[]): Generator<Row[]> {
  let batch: Row[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row));
    if (size > batchBytes) {
      rejected.push({ line: row.line, reason: `larger than ${batchBytes / 1024} KB` });
      continue;
    }
    if (batch.length && (bytes + size > batchBytes || batch.length >= batchRows)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length) yield batch;
}
