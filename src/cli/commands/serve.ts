import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { untilShutdownSignal } from '../until-shutdown-signal.js';

export const FIRST_WORKSPACE_HINT = `npx earshot init --workspace "Acme" --admin admin@acme.test --password '<at least 10 characters>'`;

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description(
      'start the API, the job workers and the event dispatcher in one process (the default for one machine)',
    )
    .option(
      '--no-workers',
      'serve the API only: events and jobs are recorded, and `earshot worker` processes run the listeners and jobs (PostgreSQL only)',
    )
    .action(async (options: { workers: boolean }) => {
      const config = ctx.config();
      const [{ startServer }, { pgliteDir }] = await Promise.all([
        import('../../app/start-server.js'),
        import('../../platform/runtime/data-paths.js'),
      ]);
      // An API-only instance dispatches no events on purpose: listeners and the jobs they send are
      // background work, kept off the instances that answer requests; nothing is lost meanwhile.
      if (!config.databaseUrl && !options.workers) {
        ctx.err(
          'warning: --no-workers on the embedded database: events and jobs are recorded but nothing dispatches or runs them until `earshot serve` runs with workers (`earshot worker` needs PostgreSQL)',
        );
      } else if (!options.workers) {
        ctx.out(
          'API only (--no-workers): events go to the outbox and jobs to the queue; run `earshot worker` to dispatch and run them.',
        );
      }
      if (!config.databaseUrl && !existsSync(pgliteDir(config.dataDir))) {
        ctx.out(
          `Creating the embedded database in ${config.dataDir} (first start only; this takes a few seconds)`,
        );
      }
      const server = await startServer({ config, workers: options.workers });
      const where = server.database === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
      ctx.out(
        `Earshot is running at ${server.url} (${where}${options.workers ? ', with job workers and event dispatch' : ''})`,
      );
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
