import type { Config } from '../../config/env.js';
import { directoryBlobStore, type BlobStore } from './blob-store.js';

const stores = new Map<string, BlobStore>();

/** The store the configuration names (EARSHOT_BLOB_DIR, else the data folder's `blobs`). */
export function blobStoreFor(config: Pick<Config, 'blobDir'>): BlobStore {
  let store = stores.get(config.blobDir);
  if (!store) {
    store = directoryBlobStore(config.blobDir);
    stores.set(config.blobDir, store);
  }
  return store;
}
