import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { S3Settings } from '../../config/env.js';
import { putThroughWriter, sha256Pattern, type BlobStore } from './blob-store.js';
import { amzDate, sha256Hex, signV4 } from './sigv4.js';
import { spoolFile } from './spool-file.js';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: http.IncomingMessage };

const emptyHash = sha256Hex('');

/**
 * Attachments in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), one object per blob named
 * by its SHA-256, each request signed with AWS Signature Version 4. A blob is decoded into a
 * local spool file first, hashing as it goes, and uploaded from there with its size and hash
 * known: the hash is both its name and the payload hash S3 checks the upload against.
 */
export function s3BlobStore(settings: S3Settings, spoolFolder: string): BlobStore {
  const credentials = { ...settings, service: 's3' };
  const urlOf = (sha256: string) =>
    new URL(`${settings.endpoint}/${encodeURIComponent(settings.bucket)}/${settings.prefix}${sha256}`);

  function call(
    method: string,
    url: URL,
    o: { payloadHash?: string; size?: number; body?: Readable } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': o.payloadHash ?? emptyHash,
      'x-amz-date': amzDate(new Date()),
    };
    const authorization = signV4(
      { method, url, headers, payloadHash: headers['x-amz-content-sha256']! },
      credentials,
    );
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, {
        method,
        headers: {
          ...headers,
          authorization,
          ...(o.size !== undefined ? { 'content-length': String(o.size) } : {}),
        },
      });
      request.on('response', (body) =>
        resolve({ status: body.statusCode ?? 0, headers: body.headers, body }),
      );
      request.on('error', reject);
      request.setTimeout(60_000, () => request.destroy(new Error(`S3 ${method} timed out`)));
      if (o.body) {
        o.body.on('error', (err) => request.destroy(err));
        o.body.pipe(request);
      } else {
        request.end();
      }
    });
  }

  /** Reads an answer's body and fails with S3's own error text. */
  async function failure(what: string, answer: Answer) {
    const chunks: Buffer[] = [];
    for await (const chunk of answer.body) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').slice(0, 500);
    return new Error(`S3 ${what} answered ${answer.status}: ${text}`);
  }

  const store: BlobStore = {
    put: (bytes) => putThroughWriter(store, bytes),
    async create() {
      const spool = await spoolFile(spoolFolder);
      return {
        write: spool.write,
        abort: spool.discard,
        async finish() {
          const done = await spool.close();
          try {
            if (!(await store.exists(done.sha256))) {
              const answer = await call('PUT', urlOf(done.sha256), {
                payloadHash: done.sha256,
                size: done.size,
                body: createReadStream(spool.file),
              });
              if (answer.status !== 200) throw await failure('PUT', answer);
              answer.body.resume();
            }
          } finally {
            await spool.discard();
          }
          return done;
        },
      };
    },
    async exists(sha256) {
      if (!sha256Pattern.test(sha256)) return false;
      const answer = await call('HEAD', urlOf(sha256));
      answer.body.resume();
      if (answer.status === 404) return false;
      if (answer.status !== 200) throw new Error(`S3 HEAD answered ${answer.status}`);
      return true;
    },
    async read(sha256) {
      if (!sha256Pattern.test(sha256)) return null;
      const answer = await call('GET', urlOf(sha256));
      if (answer.status === 404) {
        answer.body.resume();
        return null;
      }
      if (answer.status !== 200) throw await failure('GET', answer);
      return {
        size: Number(answer.headers['content-length']),
        stream: Readable.toWeb(answer.body) as ReadableStream<Uint8Array>,
      };
    },
  };
  return store;
}
