import path from 'node:path';
import type { Config } from '../../config/env.js';
import { directoryBlobStore, type BlobStore } from './blob-store.js';
import { s3BlobStore } from './s3-blob-store.js';

const stores = new Map<string, BlobStore>();

/**
 * The store the configuration names: an S3-compatible bucket (EARSHOT_BLOB_S3_URL), else a folder
 * (EARSHOT_BLOB_DIR, else the data folder's `blobs`).
 */
export function blobStoreFor(config: Pick<Config, 'blobDir' | 'blobS3' | 'dataDir'>): BlobStore {
  const s3 = config.blobS3;
  const key = s3 ? `s3 ${s3.endpoint} ${s3.bucket} ${s3.prefix} ${s3.accessKeyId}` : config.blobDir;
  let store = stores.get(key);
  if (!store) {
    // Blobs bound for the bucket are spooled in the data folder, not in a tmpfs that may be small.
    store = config.blobS3
      ? s3BlobStore(config.blobS3, path.join(config.dataDir, 'blob-spool'))
      : directoryBlobStore(config.blobDir);
    stores.set(key, store);
  }
  return store;
}
