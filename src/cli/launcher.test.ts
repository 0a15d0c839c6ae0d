import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('../../bin/earshot.js', import.meta.url));

describe('bin/earshot.js run as a program (as npx and the npm bin link run it)', () => {
  it('starts node with the heap settings the server and worker are measured with', () => {
    // A preloaded script reports the flags node was started with, then the command runs as usual.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-launcher-'));
    try {
      const report = path.join(dir, 'report-flags.cjs');
      writeFileSync(report, 'process.stderr.write(`flags: ${JSON.stringify(process.execArgv)}\\n`);');
      const run = spawnSync(launcher, ['--help'], {
        env: { ...process.env, NODE_OPTIONS: `--require ${report}` },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('serve');
      expect(run.stderr).toContain('flags: ["--max-semi-space-size=32","--no-allocation-site-pretenuring"]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
