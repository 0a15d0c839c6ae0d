import type { Role } from '../../platform/access/roles.js';
import { createApiKey } from './api-keys.js';
import { getWorkspace } from '../workspaces/index.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';

export type CreateKeyArgs = { workspace: string; name: string; role?: Role; permissions?: string[] };

export async function createKey(deps: AppDeps, args: CreateKeyArgs) {
  return inWorkspace(deps, systemScope(args.workspace), async (ctx) => {
    const workspace = await getWorkspace(ctx);
    const key = await createApiKey(ctx, { name: args.name, role: args.role, permissions: args.permissions });
    return { workspaceId: workspace.id, apiKeyId: key.id, name: key.name, role: key.role, apiKey: key.key };
  });
}
