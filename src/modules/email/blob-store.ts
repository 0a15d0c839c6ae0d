import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/**
 * Where attachments' bytes live, addressed by their SHA-256: the same file mailed a hundred times
 * is kept once, and a name can never point at other bytes. The database keeps what a file is and
 * whose it is; the store only keeps bytes. A folder by default; another store (S3-compatible, say)
 * only has to do these two things.
 */
export interface BlobStore {
  /** Keeps the bytes (a no-op when they are already kept) and returns their SHA-256 in hex. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes as a stream with their size, or null when nothing is kept under that hash. */
  read(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> } | null>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** A folder of files named by hash, two levels of fan-out (`ab/cd/abcd…`) to keep folders small. */
export function directoryBlobStore(root: string): BlobStore {
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      const kept = await stat(file).catch(() => null);
      if (kept?.size === bytes.byteLength) return sha256;
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written aside and renamed: a reader, or a crash, never leaves half a file under the hash.
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes, { mode: 0o600 });
        await rename(temporary, file);
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
      return sha256;
    },
    async read(sha256) {
      if (!sha256Pattern.test(sha256)) return null;
      const file = fileOf(sha256);
      const kept = await stat(file).catch(() => null);
      if (!kept?.isFile()) return null;
      return {
        size: kept.size,
        stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
      };
    },
  };
}

const stores = new Map<string, BlobStore>();

/** The store the configuration names (EARSHOT_BLOB_DIR, else the data folder's `blobs`). */
export function blobStoreFor(config: { blobDir: string }): BlobStore {
  let store = stores.get(config.blobDir);
  if (!store) {
    store = directoryBlobStore(config.blobDir);
    stores.set(config.blobDir, store);
  }
  return store;
}
