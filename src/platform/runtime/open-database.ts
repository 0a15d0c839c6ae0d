import type { Config } from '../../config/env.js';
import { openPglite, openPostgres, type DbHandle } from '../../db/client.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { ensurePrivateDir, makeTreePrivate, pgliteDir } from './data-paths.js';

export type OpenedDatabase = { handle: DbHandle; close(): Promise<void> };

// PostgreSQL is shared by any number of processes; the embedded database is opened by one
// process at a time, so the folder's lock is taken before PGlite touches a file and released
// only after PGlite has flushed and closed.
export async function openDatabase(
  config: Config,
  options: { command: string; poolSize?: number },
): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const handle = openPostgres(config.databaseUrl, options.poolSize);
    return { handle, close: () => handle.close() };
  }
  const lock = acquireDataDirLock(config.dataDir, options.command);
  let handle: DbHandle;
  try {
    // The embedded database's files are the workspace's data: private to this user, both those
    // already there and those PGlite creates from now on (it creates them with the umask's mode).
    const dir = pgliteDir(config.dataDir);
    ensurePrivateDir(dir);
    makeTreePrivate(dir);
    // (process.umask() with no argument is deprecated: set it to read it.)
    process.umask(process.umask(0o077) | 0o077);
    handle = await openPglite({ dataDir: dir });
    // A new database is unpacked with the modes its image carries, whatever the umask.
    makeTreePrivate(dir);
  } catch (err) {
    lock.release();
    throw err;
  }
  return {
    handle,
    close: async () => {
      try {
        await handle.close();
      } finally {
        lock.release();
      }
    },
  };
}
