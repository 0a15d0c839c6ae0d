import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { untilShutdownSignal } from '../until-shutdown-signal.js';

export const FIRST_WORKSPACE_HINT = `npx earshot init --workspace "Acme" --admin admin@acme.test --password '<at least 10 characters>'`;

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('start the API and the job workers in one process (the default for one machine)')
    .option('--no-workers', 'serve the API only; run `earshot worker` processes for jobs (PostgreSQL only)')
    .action(async (options: { workers: boolean }) => {
      const config = ctx.config();
      const [{ startServer }, { pgliteDir }, { serverAttachments }] = await Promise.all([
        import('../../app/start-server.js'),
        import('../../platform/runtime/data-paths.js'),
        import('../../app/server-attachments.js'),
      ]);
      if (!config.databaseUrl && !options.workers) {
        ctx.err(
          'warning: --no-workers on the embedded database: jobs are queued but nothing runs them (`earshot worker` needs PostgreSQL)',
        );
      }
      if (!config.databaseUrl && !existsSync(pgliteDir(config.dataDir))) {
        ctx.out(
          `Creating the embedded database in ${config.dataDir} (first start only; this takes a few seconds)`,
        );
      }
      const server = await startServer({ config, workers: options.workers, attach: serverAttachments });
      const where = server.database === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
      ctx.out(`Earshot is running at ${server.url} (${where}${options.workers ? ', with job workers' : ''})`);
      if (!server.hasWorkspace) {
        ctx.out('No workspace yet. Create the first one from another terminal, while this keeps running:');
        ctx.out(`  ${FIRST_WORKSPACE_HINT}`);
        ctx.out('Or load a demo workspace with realistic data: npx earshot demo');
      }
      ctx.out('Press Ctrl-C to stop.');
      const signal = await untilShutdownSignal();
      ctx.out(`Received ${signal}; stopping…`);
      await server.close();
      ctx.out('Stopped.');
    });
}
