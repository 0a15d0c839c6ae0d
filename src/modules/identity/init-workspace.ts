import { findAccountByEmail } from '../workspaces/index.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { bootstrapWorkspace } from './bootstrap-workspace.js';

export type InitArgs = { workspace: string; admin: string; password: string; name?: string };

export async function initWorkspace(deps: AppDeps, args: InitArgs) {
  // An existing account keeps its password; the operator should hear that rather than guess.
  const existing = await findAccountByEmail(deps.db, args.admin);
  const created = await bootstrapWorkspace({
    db: deps.db,
    name: args.workspace,
    admin: { email: args.admin, name: args.name, password: args.password },
  });
  return {
    workspaceId: created.workspaceId,
    workspaceName: args.workspace,
    apiKey: created.apiKey,
    admin: args.admin,
    passwordKept: Boolean(existing?.passwordHash),
  };
}
