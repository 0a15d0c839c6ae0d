import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db, DbHandle, Tx } from '../../db/client.js';
import { APP_ROLE } from '../../db/tenancy-policies.js';
import { isUuid } from '../http/input-schemas.js';

const scoped = new WeakMap<pg.PoolClient, Db>();

/** A last statement, decided once the work is done, sent together with the COMMIT. */
export type FinalWrite = { text: string; read(rows: Record<string, unknown>[]): void };

/**
 * Runs `work` in a transaction set to the workspace and to the role bound by row-level security.
 * On PostgreSQL, `BEGIN` and the two settings travel as one simple-protocol query, and so do the
 * final write (the outbox) and `COMMIT`: two round trips fewer per request. Simple-protocol
 * queries take no parameters, so the workspace id is checked to be a UUID first and the final
 * write inlines its values as literals. The embedded database answers in-process, so it keeps
 * drizzle's transaction.
 */
export async function workspaceTransaction<T>(
  deps: { db: Db; handle?: DbHandle },
  workspaceId: string,
  work: (tx: Tx) => Promise<T>,
  finalWrite: () => FinalWrite | undefined = () => undefined,
): Promise<T> {
  if (!isUuid(workspaceId)) throw new Error(`Not a workspace id: ${JSON.stringify(workspaceId)}`);
  if (deps.handle?.kind !== 'pg') {
    return deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT set_config('earshot.workspace_id', ${workspaceId}, true), set_config('role', ${APP_ROLE}, true)`,
      );
      const result = await work(tx);
      const last = finalWrite();
      if (last) last.read(((await tx.execute(sql.raw(last.text))) as unknown as { rows: never[] }).rows);
      return result;
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
    const last = finalWrite();
    if (!last) await client.query('COMMIT');
    else {
      // A failing final statement skips the COMMIT after it; the ROLLBACK below ends the transaction.
      const [written] = (await client.query(`${last.text}; COMMIT`)) as unknown as pg.QueryResult[];
      last.read(written!.rows);
    }
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw err;
  } finally {
    client.release(broken);
  }
}
