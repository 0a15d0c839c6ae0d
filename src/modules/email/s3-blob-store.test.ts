import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail, postMail, routed } from '../../../test/support/mail.js';
import { createTestApp } from '../../../test/support/test-app.js';
import { parseConfig } from '../../config/env.js';
import { s3BlobStore } from './s3-blob-store.js';

// A real S3-compatible server (s3rver) on loopback, keeping objects on disk. It knows one key
// pair, S3RVER/S3RVER, and refuses other access keys; it does not recompute SigV4 signatures
// (its source says so), which is why sigv4.test.ts checks the signer against AWS's own examples.
const bucket = 'earshot-blobs';
let server: S3rver;
let endpoint: string;
const spool = mkdtempSync(path.join(os.tmpdir(), 'earshot-s3-spool-'));
const settings = () => ({
  endpoint,
  bucket,
  prefix: 'mail/',
  region: 'us-east-1',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
});
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const readAll = async (stream: ReadableStream<Uint8Array>) => {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(path.join(os.tmpdir(), 'earshot-s3rver-')),
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server?.close();
});

describe('the S3-compatible blob store', () => {
  it('puts, finds and gives back bytes by their SHA-256, once however often they are put', async () => {
    const store = s3BlobStore(settings(), spool);
    const bytes = randomBytes(70_000);
    expect(await store.exists(sha(bytes))).toBe(false);
    expect(await store.read(sha(bytes))).toBeNull();
    expect(await store.put(bytes)).toBe(sha(bytes));
    expect(await store.put(bytes)).toBe(sha(bytes));
    expect(await store.exists(sha(bytes))).toBe(true);
    const read = await store.read(sha(bytes));
    expect(read?.size).toBe(bytes.length);
    expect((await readAll(read!.stream)).equals(bytes)).toBe(true);
    // Not a hash: nothing is asked of the bucket.
    expect(await store.read('../etc/passwd')).toBeNull();
  });

  it('takes a blob written a piece at a time, spooled and uploaded with its hash, leaving no spool file', async () => {
    const store = s3BlobStore(settings(), spool);
    const pieces = Array.from({ length: 40 }, () => randomBytes(128 * 1024));
    const writer = await store.create();
    for (const piece of pieces) await writer.write(piece);
    const whole = Buffer.concat(pieces);
    expect(await writer.finish()).toEqual({ sha256: sha(whole), size: whole.length });
    expect((await readAll((await store.read(sha(whole)))!.stream)).equals(whole)).toBe(true);
    const aborted = await store.create();
    await aborted.write(randomBytes(10));
    await aborted.abort();
    expect(readdirSync(spool)).toEqual([]);
  });

  it('fails, keeping nothing, when the server refuses its credentials', async () => {
    const store = s3BlobStore({ ...settings(), accessKeyId: 'NOT-A-KEY' }, spool);
    const bytes = randomBytes(100);
    await expect(store.put(bytes)).rejects.toThrow(/S3 HEAD answered 403/);
    expect(await s3BlobStore(settings(), spool).exists(sha(bytes))).toBe(false);
    expect(readdirSync(spool)).toEqual([]);
  });

  it('is configured by EARSHOT_BLOB_S3_URL and its keys, parsed once with the rest', () => {
    const base = { SESSION_SECRET: 's'.repeat(40), EARSHOT_DATA_DIR: spool };
    expect(
      parseConfig({
        ...base,
        EARSHOT_BLOB_S3_URL: 'https://s3.eu-west-1.amazonaws.com/acme-mail/earshot/blobs',
        EARSHOT_BLOB_S3_REGION: 'eu-west-1',
        EARSHOT_BLOB_S3_ACCESS_KEY_ID: 'AKID',
        EARSHOT_BLOB_S3_SECRET_ACCESS_KEY: 'secret',
      }).blobS3,
    ).toEqual({
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      bucket: 'acme-mail',
      prefix: 'earshot/blobs/',
      region: 'eu-west-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    expect(parseConfig(base).blobS3).toBeUndefined();
    expect(() => parseConfig({ ...base, EARSHOT_BLOB_S3_URL: 'http://127.0.0.1:9000/bucket' })).toThrow(
      /EARSHOT_BLOB_S3_URL: needs EARSHOT_BLOB_S3_ACCESS_KEY_ID/,
    );
    expect(() => parseConfig({ ...base, EARSHOT_BLOB_S3_URL: 'http://127.0.0.1:9000/' })).toThrow(
      /must name a bucket/,
    );
  });
});

describe('mail attachments with EARSHOT_BLOB_S3_URL set', () => {
  it('are kept in the bucket, not the data folder, and downloaded from it byte for byte', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'earshot-s3-data-'));
    const t = await createTestApp({
      workers: true,
      env: {
        EARSHOT_DATA_DIR: dataDir,
        EARSHOT_BLOB_S3_URL: `${endpoint}/${bucket}/app`,
        EARSHOT_BLOB_S3_ACCESS_KEY_ID: 'S3RVER',
        EARSHOT_BLOB_S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
    try {
      const key = (await t.workspace('Acme')).apiKey;
      const api = t.as(key);
      const mailbox = (await api.post('/channels/email', { address: 'files@acme.test', name: 'Files' })).json;
      const file = randomBytes(300_000);
      const raw = composeMail({
        from: 'dana@customer.example',
        to: mailbox.address,
        headers: { 'Content-Type': 'multipart/mixed; boundary="s3"' },
        body: [
          '--s3',
          'Content-Type: text/plain',
          '',
          'The scan.',
          '--s3',
          'Content-Type: image/png',
          'Content-Disposition: attachment; filename="scan.png"',
          'Content-Transfer-Encoding: base64',
          '',
          ...file.toString('base64').match(/.{1,76}/g)!,
          '--s3--',
        ].join('\r\n'),
      });
      const entry = await routed(api, mailbox.id, (await postMail(t, mailbox, raw)).json.id);
      const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
      const [listed] = conversation.messages.find(
        (m: { id: string }) => m.id === entry.messageRef,
      ).attachments;
      expect(listed).toMatchObject({ filename: 'scan.png', size: file.length, sha256: sha(file) });
      const res = await t.app.request(`/api/v1/attachments/${listed.id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
      expect(await s3BlobStore({ ...settings(), prefix: 'app/' }, spool).exists(sha(file))).toBe(true);
      expect(readdirSync(dataDir)).not.toContain('blobs');
    } finally {
      await t.close();
    }
    // A whole app with its workers, on a loaded machine: more than the default 30 s may pass.
  }, 180_000);
});
