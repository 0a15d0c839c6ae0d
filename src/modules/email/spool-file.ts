import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';

// Decoders hand over a line's worth of bytes at a time; they reach the disk in pieces this big.
const flushAt = 256 * 1024;

/**
 * A temporary file in `folder` written piece by piece while its SHA-256 and size are counted,
 * so bytes of any size pass through memory a piece at a time. The caller renames, uploads or
 * discards the file once closed.
 */
export async function spoolFile(folder: string) {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, `${randomBytes(9).toString('hex')}.tmp`);
  const handle = await open(file, 'wx', 0o600);
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let closed = false;
  const flush = async () => {
    if (!pendingBytes) return;
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await handle.write(bytes);
  };
  return {
    file,
    async write(bytes: Uint8Array) {
      if (!bytes.byteLength) return;
      hash.update(bytes);
      size += bytes.byteLength;
      // Copied: the caller may reuse its buffer once this returns.
      pending.push(Buffer.from(bytes));
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= flushAt) await flush();
    },
    async close() {
      if (!closed) {
        closed = true;
        try {
          await flush();
        } finally {
          await handle.close();
        }
      }
      return { sha256: hash.digest('hex'), size };
    },
    async discard() {
      if (!closed) {
        closed = true;
        await handle.close().catch(() => undefined);
      }
      await rm(file, { force: true });
    },
  };
}
