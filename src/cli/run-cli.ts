import type { Command } from 'commander';
import { applyOutputEverywhere, buildProgram } from './build-program.js';
import { createCliContext, type CliIo } from './cli-context.js';
import { EXIT } from './exit-codes.js';
import { reportError } from './report-error.js';

export type RunCliOptions = {
  /** Registers commands that live elsewhere (for example `score`). */
  extend?: ((program: Command) => void)[];
};

/** Runs one `earshot` invocation and resolves to its exit code; never exits the process. */
export async function runCli(argv: string[], io: CliIo, options: RunCliOptions = {}): Promise<number> {
  const ctx = createCliContext(io);
  const program = buildProgram(ctx);
  for (const extend of options.extend ?? []) extend(program);
  applyOutputEverywhere(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    return reportError(error, ctx, { json: argv.includes('--json') });
  }
}
