import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSocketWrites } from '../../../test/support/socket-writes.js';
import { openTestDb } from '../../../test/support/test-db.js';
import type { DbHandle } from '../../db/client.js';
import { workspaceTransaction } from './workspace-transaction.js';

let handle: DbHandle;
let deps: { db: DbHandle['db']; handle: DbHandle };
beforeAll(async () => {
  handle = await openTestDb();
  deps = { db: handle.db, handle };
});
afterAll(() => handle.close());

const settings = (tx: Parameters<Parameters<typeof workspaceTransaction>[2]>[0]) =>
  tx.execute(
    sql`SELECT current_setting('earshot.workspace_id', true) AS ws, current_user AS who, now() = statement_timestamp() AS fresh`,
  ) as unknown as Promise<{ rows: { ws: string; who: string }[] }>;

describe('a workspace transaction', () => {
  it('runs as the row-level-security role, set to the workspace, and forgets both afterwards', async () => {
    const id = randomUUID();
    const inside = await workspaceTransaction(deps, id, async (tx) => (await settings(tx)).rows[0]);
    expect(inside).toMatchObject({ ws: id, who: 'earshot_app' });
    const after = (await handle.db.execute(
      sql`SELECT coalesce(current_setting('earshot.workspace_id', true), '') AS ws, current_user AS who`,
    )) as unknown as { rows: { ws: string; who: string }[] };
    expect(after.rows[0]!.ws).toBe('');
    expect(after.rows[0]!.who).not.toBe('earshot_app');
  });

  it('rolls back on failure and gives its connection back, however often it fails', async () => {
    const id = randomUUID();
    // More failures than the pool has connections: a leaked connection would hang here.
    for (let i = 0; i < 12; i++) {
      await expect(
        workspaceTransaction(deps, id, async (tx) => {
          await tx.execute(sql`CREATE TEMP TABLE IF NOT EXISTS probe (n int)`);
          throw new Error('work failed');
        }),
      ).rejects.toThrow('work failed');
    }
    const still = await workspaceTransaction(deps, id, async (tx) => (await settings(tx)).rows[0]!.ws);
    expect(still).toBe(id);
  });

  it('sends the final write with the commit: it sees the work, its rows are read, and its failure undoes the work', async () => {
    const id = randomUUID();
    await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS final_probe (n int)`);
    await handle.db.execute(sql`GRANT ALL ON final_probe TO earshot_app`);
    let read: unknown[] = [];
    const value = await workspaceTransaction(
      deps,
      id,
      async (tx) => {
        await tx.execute(sql`INSERT INTO final_probe VALUES (1)`);
        return 'done';
      },
      () => ({
        statement: sql`SELECT count(*)::int AS n, current_user AS who FROM final_probe`,
        read: (rows) => (read = rows),
      }),
    );
    expect(value).toBe('done');
    expect(read).toEqual([{ n: 1, who: 'earshot_app' }]);

    await expect(
      workspaceTransaction(
        deps,
        id,
        (tx) => tx.execute(sql`INSERT INTO final_probe VALUES (2)`),
        () => ({ statement: sql`SELECT 1/0`, read: () => undefined }),
      ),
    ).rejects.toThrow();
    const rows = (await handle.db.execute(sql`SELECT n FROM final_probe ORDER BY n`)) as unknown as {
      rows: { n: number }[];
    };
    expect(rows.rows).toEqual([{ n: 1 }]);
  });

  it('refuses a workspace id that is not a UUID before it reaches the database', async () => {
    const hostile = "x', true); DROP TABLE workspaces; --";
    await expect(workspaceTransaction(deps, hostile, async () => 'ran')).rejects.toThrow();
  });

  // On PostgreSQL the pool pipelines: BEGIN and the settings travel with the work's first statement.
  it.skipIf(!process.env.DATABASE_URL)('sends BEGIN with the first statement, in one write', async () => {
    await countSocketWrites(async (writes) => {
      const id = randomUUID();
      await workspaceTransaction(deps, id, async (tx) => {
        const inside = (await settings(tx)).rows[0];
        expect({ writes: writes(), ws: inside?.ws }).toEqual({ writes: 1, ws: id });
      });
      // A transaction whose work sends nothing still begins and ends.
      expect(await workspaceTransaction(deps, id, async () => 'idle')).toBe('idle');
    });
  });
});
