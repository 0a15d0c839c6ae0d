import { CommanderError } from 'commander';
import { ConfigError } from '../config/env.js';
import { AppError, toProblem } from '../platform/errors.js';
import type { CliContext } from './cli-context.js';
import { CliError, EXIT } from './exit-codes.js';

// Turns whatever stopped a command into what the operator reads and the exit code scripts see.
export function reportError(error: unknown, ctx: CliContext, options: { json: boolean }): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help text).
    return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  }
  if (error instanceof ConfigError) {
    ctx.err(error.message);
    return EXIT.CONFIG;
  }
  if (error instanceof AppError) {
    if (options.json) {
      ctx.io.stderr.write(`${JSON.stringify(toProblem(error))}\n`);
    } else {
      ctx.err(`error: ${error.message}`);
      for (const param of error.invalidParams ?? []) ctx.err(`  ${param.name}: ${param.reason}`);
    }
    return error.code === 'DATA_DIR_LOCKED' ? EXIT.TEMPFAIL : EXIT.FAILURE;
  }
  if (error instanceof CliError) {
    ctx.err(`error: ${error.message}`);
    return error.exitCode;
  }
  ctx.err(`error: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack && wantsDetail(ctx)) ctx.err(error.stack);
  return EXIT.SOFTWARE;
}

// An unexpected failure's stack is noise for most, but what LOG_LEVEL=debug asked for.
function wantsDetail(ctx: CliContext): boolean {
  try {
    return ['debug', 'trace'].includes(ctx.config().logLevel);
  } catch {
    return false;
  }
}
