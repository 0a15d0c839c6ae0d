// sysexits.h values, so scripts and service managers can tell a typo from a busy folder.
export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 64,
  SOFTWARE: 70,
  TEMPFAIL: 75,
  CONFIG: 78,
} as const;

/** A failure the CLI explains itself, with the exit code that fits it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
