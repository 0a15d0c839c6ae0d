import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The only place that reads process.env. Parsed once, frozen; a bad value stops start-up
// with a message naming the variable.
const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
      .optional(),
    EARSHOT_DATA_DIR: z.string().min(1).default(path.resolve(process.cwd(), 'data')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')
      .default('false')
      .transform((v) => ['true', '1', 'yes'].includes(v)),
    EARSHOT_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
    EARSHOT_MAIL_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(25 * 1024 * 1024),
    EARSHOT_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    EARSHOT_BLOB_DIR: z.string().min(1).optional(),
    EARSHOT_BLOB_S3_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL: endpoint/bucket[/prefix]' })
      .refine((u) => new URL(u).pathname.split('/').filter(Boolean).length > 0, 'must name a bucket')
      .optional(),
    EARSHOT_BLOB_S3_REGION: z.string().min(1).default('us-east-1'),
    EARSHOT_BLOB_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    EARSHOT_BLOB_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .refine(
    (env) =>
      !env.EARSHOT_BLOB_S3_URL ||
      (env.EARSHOT_BLOB_S3_ACCESS_KEY_ID && env.EARSHOT_BLOB_S3_SECRET_ACCESS_KEY),
    {
      path: ['EARSHOT_BLOB_S3_URL'],
      message: 'needs EARSHOT_BLOB_S3_ACCESS_KEY_ID and EARSHOT_BLOB_S3_SECRET_ACCESS_KEY',
    },
  );

/** An S3-compatible bucket, addressed path-style: `<endpoint>/<bucket>/<prefix><sha256>`. */
export type S3Settings = Readonly<{
  endpoint: string;
  bucket: string;
  prefix: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}>;

function s3Settings(env: z.infer<typeof schema>): S3Settings | undefined {
  if (!env.EARSHOT_BLOB_S3_URL) return undefined;
  const url = new URL(env.EARSHOT_BLOB_S3_URL);
  const [bucket, ...prefix] = url.pathname.split('/').filter(Boolean);
  return Object.freeze({
    endpoint: url.origin,
    bucket: decodeURIComponent(bucket!),
    prefix: prefix.map((p) => `${decodeURIComponent(p)}/`).join(''),
    region: env.EARSHOT_BLOB_S3_REGION,
    accessKeyId: env.EARSHOT_BLOB_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.EARSHOT_BLOB_S3_SECRET_ACCESS_KEY!,
  });
}

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  sessionSecret: string;
  bodyLimitBytes: number;
  /** Behind a TLS proxy: believe its X-Forwarded-Proto and X-Forwarded-For. */
  trustProxy: boolean;
  /** The inbound mail listener's port, on `host`; 0 turns it off. */
  smtpPort: number;
  /** The largest email accepted (announced with SMTP SIZE). */
  mailMaxBytes: number;
  /** The relay outgoing mail is sent through; unset, it is written to `<dataDir>/outbox/`. */
  smtpUrl: string | undefined;
  /** Where email attachments are kept, by SHA-256: `EARSHOT_BLOB_DIR`, else `<dataDir>/blobs`. */
  blobDir: string;
  /** Set by EARSHOT_BLOB_S3_URL: attachments go to this bucket instead of `blobDir`. */
  blobS3: S3Settings | undefined;
}>;

export class ConfigError extends Error {}

export function parseConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.EARSHOT_DATA_DIR);
  return Object.freeze({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    logLevel: env.LOG_LEVEL,
    sessionSecret: env.SESSION_SECRET ?? persistedSecret(dataDir),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    smtpPort: env.EARSHOT_SMTP_PORT,
    mailMaxBytes: env.EARSHOT_MAIL_MAX_BYTES,
    smtpUrl: env.EARSHOT_SMTP_URL,
    blobDir: path.resolve(env.EARSHOT_BLOB_DIR ?? path.join(dataDir, 'blobs')),
    blobS3: s3Settings(env),
  });
}

// Without SESSION_SECRET, a secret is generated once and kept in the data folder so sessions
// survive restarts.
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    // Whoever reads it can sign sessions: a folder or file left open by an older release (or a
    // loose umask) is closed before the secret is used.
    privateMode(dataDir, 0o700);
    privateMode(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function privateMode(file: string, mode: number): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, mode);
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}
