import { z } from 'zod';
import { emailSchema, passwordSchema, roleSchema } from '../../../modules/workspaces/schemas.js';
import { AppError, validationError } from '../../errors.js';
import type { AppDeps } from '../../http/app-env.js';

// Every command the CLI can run against a database, whether the CLI opened it itself or the
// running server executes it over the admin socket. Arguments are named like the CLI flags, so
// an invalid param reads as the flag to fix. Implementations load on first use: the server
// starts without the demo's phrase banks.
const workspaceId = z.uuid('must be a workspace id (a UUID)');
const name = z.string().trim().min(1).max(200);

export const adminCommands = {
  init: {
    args: z
      .object({ workspace: name, admin: emailSchema, password: passwordSchema, name: name.optional() })
      .strict(),
    load: () => import('./init-workspace.js').then((m) => m.initWorkspace),
  },
  'user.add': {
    args: z
      .object({
        workspace: workspaceId,
        email: emailSchema,
        name: name.optional(),
        role: roleSchema,
        password: passwordSchema.optional(),
      })
      .strict(),
    load: () => import('./add-user.js').then((m) => m.addUser),
  },
  'apikey.create': {
    args: z
      .object({
        workspace: workspaceId,
        name: z.string().trim().min(1).max(100),
        role: roleSchema.optional(),
      })
      .strict(),
    load: () => import('./create-key.js').then((m) => m.createKey),
  },
  demo: {
    args: z.object({ workspace: workspaceId.optional() }).strict(),
    load: () => import('./load-demo-data.js').then((m) => m.loadDemoData),
  },
  migrate: {
    args: z.object({}).strict(),
    load: () => import('./run-migrations.js').then((m) => m.runMigrations),
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
