import type { CliContext } from './cli-context.js';

const width = 30;

/**
 * Progress on stderr, so stdout keeps only the result: a bar redrawn in place on a terminal, and
 * on anything else (a log file, a pipe) a plain line every tenth of the way, which reads well
 * when nothing redraws.
 */
export function drawProgress(ctx: CliContext, total: number, unit: string) {
  const tty = Boolean((ctx.io.stderr as { isTTY?: boolean }).isTTY);
  let done = 0;
  let lastStep = -1;
  const draw = () => {
    const share = total ? done / total : 1;
    if (tty) {
      const filled = Math.round(share * width);
      ctx.io.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit} (${Math.round(share * 100)}%)`,
      );
      return;
    }
    const step = Math.floor(share * 10);
    if (step === lastStep) return;
    lastStep = step;
    ctx.err(`${done}/${total} ${unit} (${Math.round(share * 100)}%)`);
  };
  return {
    advance(n: number) {
      done = Math.min(total, done + n);
      draw();
    },
    done() {
      if (tty) ctx.io.stderr.write('\n');
    },
  };
}
