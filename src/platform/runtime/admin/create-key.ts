import type { Role } from '../../../db/schema.js';
import { createApiKey } from '../../../modules/workspaces/api-keys.js';
import { getWorkspace } from '../../../modules/workspaces/workspace.js';
import type { AppDeps } from '../../http/app-env.js';
import { inWorkspace } from '../../tenancy/scope.js';
import { systemScope } from './system-scope.js';

export type CreateKeyArgs = { workspace: string; name: string; role?: Role };

export async function createKey(deps: AppDeps, args: CreateKeyArgs) {
  return inWorkspace(deps, systemScope(args.workspace), async (ctx) => {
    const workspace = await getWorkspace(ctx);
    const key = await createApiKey(ctx, { name: args.name, role: args.role });
    return { workspaceId: workspace.id, apiKeyId: key.id, name: key.name, role: key.role, apiKey: key.key };
  });
}
