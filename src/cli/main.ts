import { registerScoreCommand } from './commands/score.js';
import { runCli } from './run-cli.js';

// The exit code is set rather than forced: every command closes what it opened, so the process
// ends on its own once output is flushed.
process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr },
  { extend: [registerScoreCommand] },
);
