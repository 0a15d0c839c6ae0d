import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db, DbHandle, Tx } from '../../db/client.js';
import { APP_ROLE } from '../../db/tenancy-policies.js';
import { isUuid } from '../http/input-schemas.js';

const scoped = new WeakMap<pg.PoolClient, Db>();

/**
 * Runs `work` in a transaction set to the workspace and to the role bound by row-level security.
 * On PostgreSQL, `BEGIN` and the two settings travel as one simple-protocol query (one round trip
 * instead of two per request); the workspace id is checked to be a UUID first, since that query
 * cannot take parameters. The embedded database answers in-process, so it keeps drizzle's
 * transaction.
 */
export async function workspaceTransaction<T>(
  deps: { db: Db; handle?: DbHandle },
  workspaceId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!isUuid(workspaceId)) throw new Error(`Not a workspace id: ${JSON.stringify(workspaceId)}`);
  if (deps.handle?.kind !== 'pg') {
    return deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT set_config('earshot.workspace_id', ${workspaceId}, true), set_config('role', ${APP_ROLE}, true)`,
      );
      return work(tx);
    });
  }
  const client = await deps.handle.pool.connect();
  try {
    await client.query(
      `BEGIN; SELECT set_config('earshot.workspace_id', '${workspaceId}', true), set_config('role', '${APP_ROLE}', true)`,
    );
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  // A connection whose ROLLBACK fails is broken: it is closed rather than given back to the pool.
  let broken: Error | undefined;
  try {
    // A drizzle instance bound to this connection is the transaction; only what a transaction and
    // a database share (queries) is used of it.
    let tx = scoped.get(client);
    if (!tx) scoped.set(client, (tx = drizzle(client) as unknown as Db));
    const result = await work(tx as unknown as Tx);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw err;
  } finally {
    client.release(broken);
  }
}
