import { z } from 'zod';
import { AppError, validationError } from '../platform/errors.js';
import type { AppDeps } from '../platform/http/app-env.js';
import { identityModule } from '../modules/identity/index.js';
import { reviewsModule } from '../modules/reviews/index.js';
import { workspacesModule } from '../modules/workspaces/index.js';

// Every command the CLI can run against a database, whether the CLI opened it itself or the
// running server executes it over the admin socket: the modules' own, the demo and migrations.
// Arguments are named like the CLI flags, so an invalid param reads as the flag to fix.
// Implementations load on first use: the server starts without the demo's phrase banks.
export const adminCommands = {
  ...identityModule.adminCommands,
  ...workspacesModule.adminCommands,
  ...reviewsModule.adminCommands,
  demo: {
    args: z.object({ workspace: z.uuid('must be a workspace id (a UUID)').optional() }).strict(),
    load: () => import('../seed/load-demo-command.js').then((m) => m.loadDemoData),
  },
  migrate: {
    args: z.object({}).strict(),
    load: () => import('./run-migrations-command.js').then((m) => m.runMigrations),
  },
} as const;

export type AdminCommandName = keyof typeof adminCommands;
export type AdminArgs<N extends AdminCommandName> = z.input<(typeof adminCommands)[N]['args']>;
export type AdminResult<N extends AdminCommandName> = Awaited<
  ReturnType<Awaited<ReturnType<(typeof adminCommands)[N]['load']>>>
>;

export const isAdminCommand = (name: string): name is AdminCommandName => Object.hasOwn(adminCommands, name);

export function parseAdminArgs<N extends AdminCommandName>(
  command: N,
  args: unknown,
): z.output<(typeof adminCommands)[N]['args']> {
  const parsed = adminCommands[command].args.safeParse(args);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data as z.output<(typeof adminCommands)[N]['args']>;
}

export async function executeAdminCommand(deps: AppDeps, command: string, args: unknown): Promise<unknown> {
  if (!isAdminCommand(command))
    throw new AppError('NOT_FOUND', { message: `Unknown admin command "${command}"` });
  const parsed = parseAdminArgs(command, args);
  const run = (await adminCommands[command].load()) as (deps: AppDeps, args: unknown) => Promise<unknown>;
  return run(deps, parsed);
}
