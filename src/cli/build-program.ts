import { Command, Help } from 'commander';
import type { CliContext } from './cli-context.js';
import { registerApiKeyCommand } from './commands/apikey.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerImportCommand } from './commands/import-reviews.js';
import { registerInitCommand } from './commands/init.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommand } from './commands/user.js';
import { registerWorkerCommand } from './commands/worker.js';

// Registering commands imports no database or HTTP code: each action loads what it needs, so
// `--help` is instant and `serve` loads only the server.
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('earshot')
    .description(
      'Earshot: customer service that listens. Runs on an embedded database, or on PostgreSQL when DATABASE_URL is set.',
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp(flatHelp)
    .configureOutput({
      writeOut: (text) => void ctx.io.stdout.write(text),
      writeErr: (text) => void ctx.io.stderr.write(text),
    })
    .exitOverride();
  registerServeCommand(program, ctx);
  registerWorkerCommand(program, ctx);
  registerMigrateCommand(program, ctx);
  registerInitCommand(program, ctx);
  registerUserCommand(program, ctx);
  registerApiKeyCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerImportCommand(program, ctx);
  return program;
}

// Groups such as `user` are listed as the commands they hold (`user add`), so the top-level help
// shows every command with its options in one screen.
const base = new Help();
const flatHelp: Partial<Help> = {
  visibleCommands: (cmd) =>
    base
      .visibleCommands(cmd)
      .flatMap((sub) =>
        sub.commands.length ? base.visibleCommands(sub).filter((c) => c.name() !== 'help') : [sub],
      ),
  subcommandTerm: (cmd) => (cmd.parent?.parent ? `${cmd.parent.name()} ` : '') + base.subcommandTerm(cmd),
};

// Commands added with addCommand() by other modules do not inherit these settings.
export function applyOutputEverywhere(program: Command, ctx: CliContext): void {
  for (const command of program.commands) {
    command.configureOutput({
      writeOut: (text) => void ctx.io.stdout.write(text),
      writeErr: (text) => void ctx.io.stderr.write(text),
    });
    command.exitOverride();
    applyOutputEverywhere(command, ctx);
  }
}
