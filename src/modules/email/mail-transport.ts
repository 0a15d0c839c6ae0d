import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '../../config/env.js';

export type Envelope = { from: string; to: string[] };
export type Delivered = { state: 'sent' | 'outbox'; response: string };

// One pooled connection set per relay URL for the whole process: replies reuse open connections
// instead of a handshake per mail.
type Relay = ReturnType<typeof createTransport>;
const relays = new Map<string, Relay>();

function relay(url: string): Relay {
  let transporter = relays.get(url);
  if (!transporter) {
    const pooled = new URL(url);
    pooled.searchParams.set('pool', 'true');
    transporter = createTransport(pooled.toString());
    relays.set(url, transporter);
  }
  return transporter;
}

/** Closes the pooled relay connections (tests, shutdown). */
export function closeRelays(): void {
  for (const transporter of relays.values()) transporter.close();
  relays.clear();
}

/**
 * Hands a composed mail over: to the relay of EARSHOT_SMTP_URL, or, with none, to
 * `<dataDir>/outbox/<name>.eml` so the embedded default works with no mail server at all. The file
 * is written under a temporary name and renamed, so a reader never sees half a mail.
 */
export async function deliverMail(
  config: Pick<Config, 'smtpUrl' | 'dataDir'>,
  name: string,
  envelope: Envelope,
  raw: Buffer,
): Promise<Delivered> {
  if (config.smtpUrl) {
    const info = await relay(config.smtpUrl).sendMail({ envelope, raw });
    if (info.rejected?.length)
      throw new Error(`The relay refused ${info.rejected.join(', ')}: ${info.response}`);
    return { state: 'sent', response: String(info.response ?? '') };
  }
  const folder = path.join(config.dataDir, 'outbox');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}.eml`);
  await writeFile(`${file}.tmp`, raw);
  await rename(`${file}.tmp`, file);
  return { state: 'outbox', response: file };
}
