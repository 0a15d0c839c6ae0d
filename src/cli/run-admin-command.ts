import type { Config } from '../config/env.js';
import type { AdminArgs, AdminCommandName, AdminResult } from '../app/admin-commands.js';
import { AppError } from '../platform/errors.js';
import type { CliContext } from './cli-context.js';

// Where a command runs. PostgreSQL: right here, any number of processes share it. Embedded
// database: if `earshot serve` holds the folder, its admin socket runs the command on the
// server's handle; otherwise this process takes the folder's lock and opens it itself. A folder
// locked by a process that does not answer is reported, never opened a second time.
export async function runAdminCommand<N extends AdminCommandName>(
  ctx: CliContext,
  command: N,
  args: AdminArgs<N>,
): Promise<AdminResult<N>> {
  const { parseAdminArgs } = await import('../app/admin-commands.js');
  // A typo fails in milliseconds, before anything is opened.
  parseAdminArgs(command, args);
  const config = ctx.config();
  if (config.databaseUrl) return (await runHere(config, command, args)) as AdminResult<N>;

  const forward = await forwarder(ctx, config, command, args);
  const first = await forward();
  if (first.answered) return first.result as AdminResult<N>;
  try {
    return (await runHere(config, command, args)) as AdminResult<N>;
  } catch (err) {
    // The server may have finished starting between our two attempts.
    if (err instanceof AppError && err.code === 'DATA_DIR_LOCKED') {
      const again = await forward();
      if (again.answered) return again.result as AdminResult<N>;
    }
    throw err;
  }
}

async function forwarder(ctx: CliContext, config: Config, command: string, args: object) {
  const [{ forwardToServer }, { adminSocketPath }] = await Promise.all([
    import('../platform/runtime/admin/client.js'),
    import('../platform/runtime/data-paths.js'),
  ]);
  const socketPath = adminSocketPath(config.dataDir);
  return async () => {
    const forwarded = await forwardToServer(socketPath, { command, args: { ...args } });
    if (forwarded.answered) ctx.serverUrl = forwarded.serverUrl;
    return forwarded;
  };
}

async function runHere(config: Config, command: AdminCommandName, args: object): Promise<unknown> {
  const [
    { openDatabase },
    { ensureMigrated },
    { executeAdminCommand },
    { createCliDeps },
    { onShutdownSignal },
  ] = await Promise.all([
    import('../platform/runtime/open-database.js'),
    import('../platform/runtime/ensure-migrated.js'),
    import('../app/admin-commands.js'),
    import('./create-cli-deps.js'),
    import('../platform/runtime/shutdown-signals.js'),
  ]);
  const opened = await openDatabase(config, { command: `earshot ${command.replace('.', ' ')}`, poolSize: 2 });
  // Interrupted mid-command: exiting runs the lock's exit hook, and PostgreSQL's own recovery
  // replays or discards the unfinished transaction on the next open.
  const stopListening = onShutdownSignal((signal) => process.exit(signal === 'SIGINT' ? 130 : 143));
  try {
    // A fresh folder or database has no tables yet; `migrate` reports what it applies itself.
    if (command !== 'migrate') await ensureMigrated(opened.handle);
    return await executeAdminCommand(createCliDeps(config, opened.handle), command, args);
  } finally {
    stopListening();
    await opened.close();
  }
}
