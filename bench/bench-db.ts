import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type DbHandle } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

// The server's pool size, and the one the raw-INSERT baseline uses, so the baseline is the
// same driver with the same number of connections.
export const POOL_SIZE = 10;

export type BenchDb = {
  handle: DbHandle;
  label: string;
  close(): Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// A fresh, migrated database that belongs to this run alone: an embedded one in a temporary
// folder (on disk, as `earshot serve` keeps it), or a new database on the server that
// DATABASE_URL names. close() removes it either way.
export async function openBenchDb(databaseUrl: string | undefined): Promise<BenchDb> {
  if (!databaseUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-db-'));
    try {
      const handle = await openPglite({ dataDir: dir });
      await migrate(handle);
      return {
        handle,
        label: 'PGlite (embedded, on disk)',
        close: async () => {
          await handle.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
  const name = `earshot_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  let handle: DbHandle | undefined;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    handle = openPostgres(withDatabase(databaseUrl, name), POOL_SIZE);
    const server = await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    await migrate(handle);
    const opened = handle;
    return {
      handle: opened,
      label: `PostgreSQL ${server.rows[0]?.v ?? ''} (pg.Pool of ${POOL_SIZE})`.trim(),
      close: async () => {
        await opened.close().catch(() => undefined);
        await drop();
      },
    };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await drop().catch(() => undefined);
    throw error;
  }
}
