import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db, DbHandle, Tx } from '../../db/client.js';
import { isBoundSql, type BoundSql } from '../../db/prepared-sql.js';
import { APP_ROLE } from '../../db/tenancy-policies.js';
import { isUuid } from '../http/input-schemas.js';

const scoped = new WeakMap<pg.PoolClient, Db>();

/** A last statement, decided once the work is done, sent together with the COMMIT. */
export type FinalWrite = { statement: SQL; read(rows: Record<string, unknown>[]): void };

/**
 * Sends the work's last statement with the COMMIT right behind it, and answers its rows: a write
 * whose outcome its statement decides (events included) then costs one round trip with BEGIN.
 * Nothing may be sent in the transaction after it. A statement whose text is built once (BoundSql)
 * goes as it is.
 */
export type CommitWith = (statement: SQL | BoundSql) => Promise<Record<string, unknown>[]>;

const dialect = new PgDialect();

/**
 * Runs `work` in a transaction set to the workspace and to the role bound by row-level security.
 * On PostgreSQL the pool pipelines, so `BEGIN` with the two settings leaves in the same socket
 * write as the work's first statement, and the last statement (the outbox write, decided once the
 * work is done, or one the work sends itself with `commitWith`) in the same write as `COMMIT`:
 * a work that sends nothing but its last statement is one round trip. `BEGIN` is a simple-protocol
 * query (two statements in one), which takes no parameters, so the workspace id is checked to be a
 * UUID first. The embedded database answers in-process, so it keeps drizzle's transaction.
 */
export async function workspaceTransaction<T>(
  deps: { db: Db; handle?: DbHandle },
  workspaceId: string,
  work: (tx: Tx, commitWith: CommitWith) => Promise<T>,
  finalWrite: () => FinalWrite | undefined = () => undefined,
): Promise<T> {
  if (!isUuid(workspaceId)) throw new Error(`Not a workspace id: ${JSON.stringify(workspaceId)}`);
  if (deps.handle?.kind !== 'pg') {
    // In-process, nothing to save: the last statement runs like any other, drizzle commits after it.
    return deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT set_config('earshot.workspace_id', ${workspaceId}, true), set_config('role', ${APP_ROLE}, true)`,
      );
      let committed = false;
      const run = async (statement: SQL | BoundSql) => {
        if (committed) throw new Error('The transaction was already committed');
        committed = true;
        const built = isBoundSql(statement) ? statement.toSql() : statement;
        return ((await tx.execute(built)) as unknown as { rows: Record<string, unknown>[] }).rows;
      };
      const result = await work(tx, run);
      const last = finalWrite();
      if (last) last.read(await run(last.statement));
      return result;
    });
  }
  const client = await deps.handle.pool.connect();
  // The pool pipelines (see openPostgres): BEGIN is not awaited, and the socket is corked until the
  // work has issued its first statement, so both leave in one write and come back in one round trip.
  // Should BEGIN fail, the statements behind it fail too (an aborted transaction refuses them).
  // SET LOCAL is set_config(…, true) answering no row: nothing to describe, send back and parse.
  const begun = sendTogether(client, () =>
    client.query(`BEGIN; SET LOCAL earshot.workspace_id = '${workspaceId}'; SET LOCAL role = '${APP_ROLE}'`),
  ).then(
    () => undefined,
    (err: Error) => err,
  );
  // A connection whose ROLLBACK fails is broken: it is closed rather than given back to the pool.
  let broken: Error | undefined;
  // The COMMIT, once sent: its answer ends the transaction, committed or rolled back.
  let commit: Promise<pg.QueryResult> | undefined;
  let restore = () => {};
  const commitWith: CommitWith = async (statement) => {
    if (commit) throw new Error('The transaction was already committed');
    const { sql: text, params } = isBoundSql(statement) ? statement.query : dialect.sqlToQuery(statement);
    const stream = streamOf(client);
    // Queries are written as they are issued (pipelined); corked, the two leave in one write.
    stream.cork();
    const rows = client.query({ text, values: params });
    commit = client.query('COMMIT');
    stream.uncork();
    // Anything sent after the COMMIT would run outside the transaction, as whoever the pool logs
    // in as: refused until the connection goes back to the pool.
    const send = client.query;
    restore = () => void (client.query = send);
    client.query = (() => {
      throw new Error('A statement sent after the commit');
    }) as typeof client.query;
    const [answer, ended] = await Promise.all([rows, commit]);
    // Should the statement fail, PostgreSQL answers the COMMIT behind it with ROLLBACK (no error).
    if (ended.command !== 'COMMIT') throw new Error('The transaction was rolled back');
    return answer.rows;
  };
  try {
    // A drizzle instance bound to this connection is the transaction; only what a transaction and
    // a database share (queries) is used of it.
    let tx = scoped.get(client);
    if (!tx) scoped.set(client, (tx = drizzle(client) as unknown as Db));
    const result = await work(tx as unknown as Tx, commitWith).finally(async () => {
      const failed = await begun;
      if (failed) throw failed;
    });
    const last = finalWrite();
    if (last) last.read(await commitWith(last.statement));
    else if (!commit) await client.query('COMMIT');
    return result;
  } catch (err) {
    // Once a COMMIT was sent, its answer ended the transaction and nothing is left to undo.
    if (commit) await commit.catch(() => undefined);
    else await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw err;
  } finally {
    restore();
    client.release(broken);
  }
}

/**
 * Holds what `send` writes until the next query on this connection has been written too (or the
 * event loop's next turn, should none come), so the two leave in one write.
 */
function sendTogether<T>(client: pg.PoolClient, send: () => T): T {
  const stream = streamOf(client);
  const query = client.query;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    client.query = query;
    stream.uncork();
  };
  stream.cork();
  const sent = send();
  client.query = ((...args: Parameters<typeof query>) => {
    const next = (query as (...a: unknown[]) => unknown).apply(client, args);
    release();
    return next;
  }) as typeof query;
  setImmediate(release);
  return sent;
}
type Corkable = { cork(): void; uncork(): void };
// The socket under node-postgres's connection: corked, what is issued meanwhile leaves in one write.
const streamOf = (client: pg.PoolClient) =>
  (client as unknown as { connection: { stream: Corkable } }).connection.stream;
