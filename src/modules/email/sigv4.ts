import { createHash, createHmac } from 'node:crypto';

export type SigV4Credentials = {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
};

const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();
export const sha256Hex = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 asks. */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The query as SigV4 signs it: each name and value encoded, sorted by name then value. */
function canonicalQuery(params: URLSearchParams) {
  return [...params]
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/**
 * The Authorization header of AWS Signature Version 4 for one request: `headers` are the ones
 * signed (host and x-amz-date among them, lower-case names), `payloadHash` the hex SHA-256 of the
 * body (or UNSIGNED-PAYLOAD). The path is signed as the URL carries it, encoded once, as S3 wants.
 */
export function signV4(
  request: { method: string; url: URL; headers: Record<string, string>; payloadHash: string },
  credentials: SigV4Credentials,
) {
  const amzDate = request.headers['x-amz-date'];
  if (!amzDate) throw new Error('A SigV4 request signs its x-amz-date header');
  const names = Object.keys(request.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const value = (name: string) =>
    Object.entries(request.headers)
      .filter(([k]) => k.toLowerCase() === name)
      .map(([, v]) => v.trim().replace(/\s+/g, ' '))
      .join(',');
  const signedHeaders = [...new Set(names)].join(';');
  const canonicalRequest = [
    request.method,
    request.url.pathname || '/',
    canonicalQuery(request.url.searchParams),
    ...[...new Set(names)].map((name) => `${name}:${value(name)}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = [day, credentials.region, credentials.service, 'aws4_request'].reduce<Buffer | string>(
    (k, part) => hmac(k, part),
    `AWS4${credentials.secretAccessKey}`,
  );
  const signature = hmac(key, stringToSign).toString('hex');
  return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** `20150830T123600Z`: the form x-amz-date takes. */
export const amzDate = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
