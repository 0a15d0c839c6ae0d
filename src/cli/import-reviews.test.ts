import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/env.js';
import { startServer, type RunningServer } from '../app/start-server.js';
import { prepareTestTarget, type TestTarget } from '../../test/support/test-target.js';
import { runCaptured } from '../../test/support/run-captured.js';

// The import as an operator runs it while the server is up: on the embedded database each batch
// is forwarded over the admin socket, on PostgreSQL it runs in the CLI's own process.
let target: TestTarget;
let server: RunningServer;
let url: string;
let dir: string;
let workspaceId: string;
let apiKey: string;

beforeAll(async () => {
  target = await prepareTestTarget();
  server = await startServer({ config: parseConfig(target.env), workers: false });
  url = server.url.replace('localhost', '127.0.0.1');
  dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-csv-'));
  const init = await run(
    'init',
    '--workspace',
    'Acme',
    '--admin',
    'csv@acme.test',
    '--password',
    'correct horse battery',
    '--json',
  );
  expect(init.code, init.stderr).toBe(0);
  ({ workspaceId, apiKey } = JSON.parse(init.stdout));
}, 90_000);
afterAll(async () => {
  await server?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const run = (...argv: string[]) => runCaptured(argv, target.env);
const get = async (pathname: string): Promise<any> =>
  (await fetch(`${url}/api/v1${pathname}`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
const csv = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const importInto = (file: string, source: string, ...flags: string[]) =>
  run('import', 'reviews', file, '--workspace', workspaceId, '--source', source, ...flags);
const header = 'externalId,authorHandle,authorName,followers,rating,text,url,createdAt';

describe('earshot import reviews', () => {
  it('imports the good rows, reports each bad one by line with its reason, and exits 1', async () => {
    const file = csv(
      'reviews.csv',
      [
        header,
        'r1,@ann,Ann,120,5,"Great, fast, cheap",https://example.test/r1,2026-11-01T10:00:00Z',
        'r2,@bob,Bob,,9,Bad rating,,2026-11-01T10:00:00Z',
        ',@cid,Cid,,4,No id,,2026-11-01T10:00:00Z',
        'r4,@dee,Dee,,4,Bad date,,yesterday',
        'r5,@eve,Eve,15000,1,"She said ""never again""',
        'and meant it, truly",,2026-11-02T10:00:00Z',
        'r6,@fay,Fay,,3,too,many,fields,2026-11-01T10:00:00Z',
        '',
      ].join('\r\n'),
    );
    const result = await importInto(file, 'Trustpilot UK');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2 created, 0 updated, 0 unchanged, 4 rejected');
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('line '));
    expect(lines).toEqual([
      expect.stringMatching(/^line 3: rating: /),
      expect.stringMatching(/^line 4: externalId: /),
      expect.stringMatching(/^line 5: createdAt: /),
      'line 8: has 9 fields where the header has 8',
    ]);
    // Not a terminal: plain progress lines, ending at the whole file.
    expect(result.stderr).toContain('6/6 rows (100%)');

    const sources = (await get('/channels/reviews')).data;
    expect(sources).toMatchObject([{ name: 'Trustpilot UK', source: 'trustpilot-uk', status: 'active' }]);
    const items = (await get(`/channels/reviews/${sources[0].id}/items`)).data;
    const byId = Object.fromEntries(items.map((i: any) => [i.externalId, i]));
    expect(Object.keys(byId).sort()).toEqual(['r1', 'r5']);
    expect(byId.r1).toMatchObject({ text: 'Great, fast, cheap', url: 'https://example.test/r1', case: null });
    expect(byId.r5.text).toBe('She said "never again"\r\nand meant it, truly');
    const conversation = await get(`/conversations/${byId.r5.case.conversationId}`);
    expect(conversation).toMatchObject({ channel: 'review', priority: 'urgent' });

    // The same file again: nothing new, the bad rows still named.
    const again = await importInto(file, 'Trustpilot UK');
    expect(again.stdout).toContain('0 created, 0 updated, 2 unchanged, 4 rejected');
  });

  it('records a backfill without cases, and exits 0 when every row is good', async () => {
    const file = csv('old.csv', `${header}\nold1,@gus,Gus,,1,"Terrible, late",,2025-01-01T10:00:00Z\n`);
    const result = await importInto(file, 'Archive', '--backfill', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejectedRows: [],
    });
    const source = (await get('/channels/reviews')).data.find((s: any) => s.name === 'Archive');
    const [only] = (await get(`/channels/reviews/${source.id}/items`)).data;
    expect(only).toMatchObject({ backfill: true, rating: 1, case: null });
  });

  it('refuses a file without the expected header', async () => {
    const file = csv('bad.csv', 'id,text\n1,hello\n');
    const result = await importInto(file, 'X');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the header must name .* \(missing: externalId, authorHandle/);
  });
});
