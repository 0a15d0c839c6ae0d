import { parseConfig, type Config } from '../config/env.js';

export type Output = { write(chunk: string): unknown };

/** Everything a command touches outside itself, so tests run commands in-process. */
export type CliIo = {
  /** Configuration source; when absent, the process environment (read by src/config/env.ts). */
  env?: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
};

export type CliContext = {
  io: CliIo;
  /** Parsed on first use: `--help` and usage errors need no configuration. */
  config(): Config;
  out(line?: string): void;
  err(line?: string): void;
  json(value: unknown): void;
  /** Where the running server listens, when a command was forwarded to it. */
  serverUrl?: string;
};

export function createCliContext(io: CliIo): CliContext {
  let config: Config | undefined;
  return {
    io,
    config: () => (config ??= io.env ? parseConfig(io.env) : parseConfig()),
    out: (line = '') => void io.stdout.write(`${line}\n`),
    err: (line = '') => void io.stderr.write(`${line}\n`),
    // One line, so scripts can read it with a plain line reader.
    json: (value) => void io.stdout.write(`${JSON.stringify(value)}\n`),
  };
}
