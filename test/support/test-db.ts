import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DbHandle } from '../../src/db/client.js';
import { withDatabase } from './global-setup.js';

// A migrated database of its own for one test file: a copy of the run's template, on PGlite by
// default or on PostgreSQL when DATABASE_URL is set.
export async function openTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const tar = readFileSync(inject('templatePath'));
    return openPglite({ loadDataDir: new Blob([tar]) });
  }
  const name = `earshot_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  const handle = openPostgres(withDatabase(url, name), 5);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  } as DbHandle;
}
