import { sql } from 'drizzle-orm';
import { users } from '../workspaces/schema.js';
import { createWorkspace } from '../workspaces/index.js';
import type { AppDeps } from '../../platform/http/app-env.js';

export type InitArgs = { workspace: string; admin: string; password: string; name?: string };

export async function initWorkspace(deps: AppDeps, args: InitArgs) {
  // An existing account keeps its password; the operator should hear that rather than guess.
  const [existing] = await deps.db
    .select({ hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL` })
    .from(users)
    .where(sql`lower(${users.email}) = ${args.admin.toLowerCase()}`);
  const created = await createWorkspace({
    db: deps.db,
    name: args.workspace,
    admin: { email: args.admin, name: args.name, password: args.password },
  });
  return {
    workspaceId: created.workspaceId,
    workspaceName: args.workspace,
    apiKey: created.apiKey,
    admin: args.admin,
    passwordKept: Boolean(existing?.hasPassword),
  };
}
