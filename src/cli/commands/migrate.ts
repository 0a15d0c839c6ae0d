import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { runAdminCommand } from '../run-admin-command.js';

export function registerMigrateCommand(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (serve also does this at start)')
    .option('--json', 'print the result as one JSON line')
    .action(async (options: { json?: boolean }) => {
      const result = await runAdminCommand(ctx, 'migrate', {});
      if (options.json) return ctx.json(result);
      const where =
        result.database === 'pglite' ? `embedded database in ${ctx.config().dataDir}` : 'PostgreSQL';
      const applied = result.applied === 0 ? 'nothing to apply' : `applied ${result.applied} migration(s)`;
      ctx.out(`Database is up to date (${where}): ${applied}, ${result.total} in all.`);
    });
}
