import { eq } from 'drizzle-orm';
import { users, type Role } from './schema.js';
import { addMember } from './members.js';
import { getWorkspace } from './workspace.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';

export type AddUserArgs = { workspace: string; email: string; name?: string; role: Role; password?: string };

export async function addUser(deps: AppDeps, args: AddUserArgs) {
  return inWorkspace(deps, systemScope(args.workspace), async (ctx) => {
    const workspace = await getWorkspace(ctx);
    const member = await addMember(ctx, {
      email: args.email,
      name: args.name,
      role: args.role,
      password: args.password,
    });
    // An existing account keeps its password, so whether they can sign in is read, not assumed.
    const [account] = await ctx.tx
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, member.id));
    return {
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      userId: member.id,
      email: member.email,
      name: member.name,
      role: member.role,
      hasPassword: Boolean(account?.hash),
    };
  });
}
