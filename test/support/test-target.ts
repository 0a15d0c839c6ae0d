import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from './global-setup.js';
import { openPglite } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { pgliteDir } from '../../src/platform/runtime/data-paths.js';

export type TestTarget = {
  /** Configuration for a CLI run or a server against this target. */
  env: Record<string, string>;
  dataDir: string;
  embedded: boolean;
  close(): Promise<void>;
};

// A migrated database of its own, reached the way the CLI and the server reach one: through
// configuration. On PostgreSQL (DATABASE_URL set for the run) a fresh database copied from the
// run's template; otherwise a data folder whose embedded database is loaded from the template.
// `embedded: true` asks for a data folder even on a PostgreSQL run (lock and socket tests).
export async function prepareTestTarget(options: { embedded?: boolean } = {}): Promise<TestTarget> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'earshot-test-'));
  const env: Record<string, string> = {
    EARSHOT_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 's'.repeat(40),
    HOST: '127.0.0.1',
    PORT: '0',
    // Servers started by tests run side by side: none listens for mail unless a test asks.
    EARSHOT_SMTP_PORT: '0',
  };
  const url = process.env.DATABASE_URL;
  if (url && !options.embedded) {
    const name = `earshot_cli_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    env.DATABASE_URL = withDatabase(url, name);
    return {
      env,
      dataDir,
      embedded: false,
      close: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  await seedEmbedded(dataDir);
  return {
    env,
    dataDir,
    embedded: true,
    close: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function seedEmbedded(dataDir: string): Promise<void> {
  const template = inject('templatePath');
  const handle = template
    ? await openPglite({ dataDir: pgliteDir(dataDir), loadDataDir: new Blob([readFileSync(template)]) })
    : await openPglite({ dataDir: pgliteDir(dataDir) });
  try {
    if (!template) await migrate(handle);
  } finally {
    await handle.close();
  }
}
