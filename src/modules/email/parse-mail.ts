import PostalMime, { type Address, type Attachment, type Email, type Mailbox } from 'postal-mime';
import type { BlobStore } from './blob-store.js';
import { offloadAttachments, type Offloaded } from './offload-attachments.js';
import { decodeUtf7, isUtf7 } from './utf7.js';
import { fixWindows1252 } from './windows-1252.js';

export type MailAddress = { address: string; name: string };

export type ParsedMail = {
  /** Without angle brackets; null when the mail has none. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  subject: string | null;
  /** When the sender's client says it was written (its Date header, ISO 8601), if it says so. */
  date: string | null;
  /** Lower-cased header names, each with every value it had. */
  headers: Map<string, string[]>;
  /** The top-level media type, lower-cased (`multipart/report`, `text/plain`). */
  contentType: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
  /** SHA-256 of everything after the header: the same mail relayed twice hashes alike. */
  bodyHash: string;
  /** Charsets named in the mail that this runtime cannot decode (the text may be garbled). */
  unknownCharsets: string[];
  /** The mail with its files' bytes left out: headers, text parts, reports, quoted headers. */
  withoutFiles: Buffer;
};

/** A stored mail's bytes, read a piece at a time (or all there is, for a mail at hand). */
export type RawMail = Buffer | (() => AsyncIterable<Uint8Array>);

export type MailAttachment = {
  filename: string | null;
  contentType: string;
  /** `attachment`, `inline` or null, as the part said. */
  disposition: string | null;
  contentId: string | null;
  /** Its decoded bytes' size and SHA-256, under which they are kept in the blob store. */
  size: number;
  sha256: string;
};

export class UnparseableMail extends Error {}

const ids = (value: string | undefined): string[] =>
  (value?.match(/<[^<>\s]+>/g) ?? []).map((id) => id.slice(1, -1)).filter(Boolean);

const firstId = (value: string | undefined): string | null => {
  const bracketed = ids(value)[0];
  if (bracketed) return bracketed;
  // Some mailers leave the brackets out; a bare token is still the id they meant.
  const bare = value?.trim().split(/\s+/)[0];
  return bare && /\S@\S/.test(bare) ? bare : null;
};

function mailboxes(list: Address[] | Address | undefined): MailAddress[] {
  const flat = [list ?? []].flat().flatMap((a) => (a.group ? a.group : [a]));
  return flat
    .filter((a): a is Mailbox => typeof a.address === 'string' && a.address.includes('@'))
    .map((a) => ({ address: a.address.trim().toLowerCase(), name: fixWindows1252((a.name ?? '').trim()) }));
}

export function bodyOffset(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return raw.length;
  if (lf < 0 || (crlf >= 0 && crlf < lf)) return crlf + 4;
  return lf + 2;
}

const charsetsNamed = (mail: Buffer) =>
  new Set(
    [...mail.toString('latin1').matchAll(/charset\s*=\s*"?([^\s";]+)/gi)].map((m) => m[1]!.toLowerCase()),
  );

function decodable(charset: string) {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

async function postalParse(bytes: Buffer) {
  try {
    return await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    throw new UnparseableMail(`The MIME structure cannot be read: ${(err as Error).message}`);
  }
}

const bytesOf = (content: Attachment['content']) =>
  typeof content === 'string'
    ? Buffer.from(content)
    : content instanceof Uint8Array
      ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
      : Buffer.from(content);

/**
 * The parser's attachments with the files taken out of the mail put back: each marker must be an
 * attachment's whole content, once, and no marker may show in the text. Null when the parser read
 * the structure otherwise than the offloading did (the mail is then parsed whole).
 */
function resolveMarkers(email: Email, offloaded: Offloaded) {
  const found = new Set<string>();
  const attachments = email.attachments.map((a) => {
    const content = bytesOf(a.content);
    const marker = content.length < 200 ? content.toString('latin1').trimEnd() : '';
    const blob = offloaded.blobs.get(marker);
    if (!blob) return { attachment: a, content, blob: null };
    if (found.has(marker)) return null;
    found.add(marker);
    return { attachment: a, content, blob };
  });
  const shown = `${email.text ?? ''}${email.html ?? ''}${email.subject ?? ''}`;
  if (found.size !== offloaded.blobs.size || shown.includes(offloaded.nonce)) return null;
  if (attachments.some((a) => a === null)) return null;
  return attachments.flatMap((a) => (a ? [a] : []));
}

async function collect(raw: () => AsyncIterable<Uint8Array>) {
  const chunks: Buffer[] = [];
  for await (const chunk of raw()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Reads a raw message, keeping its attachments' bytes in `store` as they are decoded; throws
 * UnparseableMail when it is not a mail at all. Memory follows the mail without its files.
 */
export async function parseMail(raw: RawMail, store: BlobStore): Promise<ParsedMail> {
  const chunks = Buffer.isBuffer(raw)
    ? async function* () {
        yield raw;
      }
    : raw;
  const offloaded = await offloadAttachments(chunks(), store);
  let withoutFiles = offloaded.skeleton;
  let email = await postalParse(withoutFiles);
  let parts = resolveMarkers(email, offloaded);
  if (!parts) {
    withoutFiles = Buffer.isBuffer(raw) ? raw : await collect(raw);
    email = await postalParse(withoutFiles);
    parts = email.attachments.map((attachment) => ({
      attachment,
      content: bytesOf(attachment.content),
      blob: null,
    }));
  }
  if (!email.headers.length) throw new UnparseableMail('The message has no header');
  const attachments: MailAttachment[] = [];
  // Every part that is not the body, whatever their number: none is dropped.
  for (const { attachment: a, content, blob } of parts) {
    attachments.push({
      filename: a.filename === null ? null : fixWindows1252(a.filename),
      contentType: a.mimeType,
      disposition: a.disposition,
      contentId: a.contentId ?? null,
      ...(blob ?? { size: content.length, sha256: await store.put(content) }),
    });
  }
  const headers = new Map<string, string[]>();
  for (const h of email.headers) headers.set(h.key, [...(headers.get(h.key) ?? []), h.value]);
  const contentType = (headers.get('content-type')?.[0] ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
  const charsets = charsetsNamed(withoutFiles);
  // UTF-7 is 7-bit ASCII, which the parser hands through as it is: when it is the only charset
  // the mail names, its text is decoded here. Mixed with others, it stays flagged as unknown.
  const utf7 = charsets.size > 0 && [...charsets].every(isUtf7);
  const text = fixWindows1252(email.text ?? '');
  const html = email.html ? fixWindows1252(email.html) : null;
  return {
    messageId: firstId(email.messageId),
    inReplyTo: firstId(email.inReplyTo),
    references: ids(email.references),
    from: mailboxes(email.from)[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    replyTo: mailboxes(email.replyTo),
    subject: fixWindows1252(email.subject?.trim() ?? '') || null,
    date: email.date && !Number.isNaN(Date.parse(email.date)) ? new Date(email.date).toISOString() : null,
    headers,
    contentType,
    text: utf7 ? decodeUtf7(text) : text,
    html: html && utf7 ? decodeUtf7(html) : html,
    attachments,
    bodyHash: offloaded.bodyHash,
    unknownCharsets: [...charsets].filter((c) => !decodable(c) && !(utf7 && isUtf7(c))),
    withoutFiles,
  };
}
