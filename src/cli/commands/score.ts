import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description(
      'score conversations for quality: one transcript JSON, or JSON Lines ("-" reads stdin); prints one JSON line each',
    )
    .argument('<file>', 'transcript file (JSON or JSON Lines), or - for stdin')
    .action(async (file: string) => {
      // The program's own writers, so output goes wherever the CLI was told to send it.
      const output = program.configureOutput();
      const stdout = {
        write: (chunk: string) => (output.writeOut ? output.writeOut(chunk) : process.stdout.write(chunk)),
      };
      const stderr = {
        write: (chunk: string) => (output.writeErr ? output.writeErr(chunk) : process.stderr.write(chunk)),
      };
      const input = file === '-' ? process.stdin : createReadStream(file);
      const opened = new Promise<void>((resolve, reject) => {
        if (file === '-') return resolve();
        input.once('open', () => resolve());
        input.once('error', reject);
      });
      try {
        await opened;
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.FAILURE);
      }
      // The engine loads only when something is scored, so every other command starts without it.
      const { scoreStream } = await import('./score-stream.js');
      const { scored, failed } = await scoreStream({ input, stdout, stderr });
      if (failed > 0)
        throw new CliError(`${failed} of ${scored + failed} transcripts could not be scored`, EXIT.FAILURE);
    });
}
