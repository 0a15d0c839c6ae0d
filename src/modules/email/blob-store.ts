import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spoolFile } from './spool-file.js';

/**
 * Where attachments' bytes live, addressed by their SHA-256: the same file mailed a hundred times
 * is kept once, and a name can never point at other bytes. The database keeps what a file is and
 * whose it is; the store only keeps bytes. A folder by default, or an S3-compatible bucket.
 */
export interface BlobStore {
  /** Keeps the bytes (a no-op when they are already kept) and returns their SHA-256 in hex. */
  put(bytes: Uint8Array): Promise<string>;
  /**
   * A blob written piece by piece as it is decoded, so a large attachment is never whole in
   * memory; its hash is known, and it is kept under it, when it is finished.
   */
  create(): Promise<BlobWriter>;
  /** Whether bytes are kept under that hash. */
  exists(sha256: string): Promise<boolean>;
  /** The bytes as a stream with their size, or null when nothing is kept under that hash. */
  read(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> } | null>;
}

export interface BlobWriter {
  write(bytes: Uint8Array): Promise<void>;
  /** Keeps what was written under its hash. */
  finish(): Promise<{ sha256: string; size: number }>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

export const sha256Pattern = /^[0-9a-f]{64}$/;

/** Writes whole bytes through a store's writer: one way in for both. */
export async function putThroughWriter(store: Pick<BlobStore, 'create'>, bytes: Uint8Array) {
  const writer = await store.create();
  try {
    await writer.write(bytes);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return (await writer.finish()).sha256;
}

/** A folder of files named by hash, two levels of fan-out (`ab/cd/abcd…`) to keep folders small. */
export function directoryBlobStore(root: string): BlobStore {
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const kept = (sha256: string) => stat(fileOf(sha256)).catch(() => null);
  const store: BlobStore = {
    put: (bytes) => putThroughWriter(store, bytes),
    async create() {
      // Written aside in the store's own folder and renamed: a reader, or a crash, never sees
      // half a file under the hash, and the rename never crosses file systems.
      const spool = await spoolFile(path.join(root, 'incoming'));
      return {
        write: spool.write,
        abort: spool.discard,
        async finish() {
          const done = await spool.close();
          if ((await kept(done.sha256))?.size === done.size) {
            await spool.discard();
          } else {
            await mkdir(path.dirname(fileOf(done.sha256)), { recursive: true, mode: 0o700 });
            await rename(spool.file, fileOf(done.sha256));
          }
          return done;
        },
      };
    },
    async exists(sha256) {
      return sha256Pattern.test(sha256) && Boolean((await kept(sha256))?.isFile());
    },
    async read(sha256) {
      if (!sha256Pattern.test(sha256)) return null;
      const file = await kept(sha256);
      if (!file?.isFile()) return null;
      return {
        size: file.size,
        stream: Readable.toWeb(createReadStream(fileOf(sha256))) as ReadableStream<Uint8Array>,
      };
    },
  };
  return store;
}
