import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { untilShutdownSignal } from '../until-shutdown-signal.js';

export const WORKER_NEEDS_POSTGRES =
  'earshot worker needs PostgreSQL: set DATABASE_URL=postgres://…. The embedded database can be opened by one process only, ' +
  'so on it `earshot serve` runs the job workers in its own process.';

export function registerWorkerCommand(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('run the job workers and the event dispatcher alone, beside API instances (PostgreSQL only)')
    .action(async () => {
      const config = ctx.config();
      if (!config.databaseUrl) throw new CliError(WORKER_NEEDS_POSTGRES, EXIT.CONFIG);
      const { startWorker } = await import('../../app/start-worker.js');
      const worker = await startWorker({ config });
      ctx.out(
        `Earshot worker running on PostgreSQL for ${worker.jobTypes.length} job type(s): ${worker.jobTypes.join(', ')}; dispatching events to ${worker.listeners.length} listener(s). Press Ctrl-C to stop.`,
      );
      const signal = await untilShutdownSignal();
      ctx.out(`Received ${signal}; finishing running jobs…`);
      await worker.close();
      ctx.out('Stopped.');
    });
}
