import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

export const APP_ROLE = 'earshot_app';

// Tenancy is enforced by the database itself: every table with a workspace_id column gets a
// row-level security policy keyed on the transaction's `earshot.workspace_id` setting, and
// requests run as a role that cannot bypass it. Applied after every migration, so a table
// added later is covered without anyone remembering to.
export async function applyTenancyPolicies(db: Db): Promise<void> {
  await db.execute(
    sql.raw(`
    DO $$
    DECLARE t record;
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        BEGIN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
      EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
      FOR t IN
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'workspace_id' AND tb.table_type = 'BASE TABLE'
      LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
        IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.table_name AND policyname = 'workspace_isolation') THEN
          EXECUTE format(
            'CREATE POLICY workspace_isolation ON %I USING (workspace_id = nullif(current_setting(''earshot.workspace_id'', true), '''')::uuid) WITH CHECK (workspace_id = nullif(current_setting(''earshot.workspace_id'', true), '''')::uuid)',
            t.table_name);
        END IF;
      END LOOP;
      ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
      IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = 'workspaces' AND policyname = 'workspace_isolation') THEN
        CREATE POLICY workspace_isolation ON workspaces
          USING (id = nullif(current_setting('earshot.workspace_id', true), '')::uuid)
          WITH CHECK (id = nullif(current_setting('earshot.workspace_id', true), '')::uuid);
      END IF;
    END $$;
  `),
  );
}
