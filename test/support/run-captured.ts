import { runCli, type RunCliOptions } from '../../src/cli/run-cli.js';

export type Captured = { code: number; stdout: string; stderr: string };

// Runs one CLI invocation in this process, as a test would type it, and keeps what it printed.
export async function runCaptured(
  argv: string[],
  env: Record<string, string>,
  options?: RunCliOptions,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    options,
  );
  return { code, stdout, stderr };
}
