import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Email, type Mailbox } from 'postal-mime';

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
};

export type MailAttachment = {
  filename: string | null;
  contentType: string;
  /** `attachment`, `inline` or null, as the part said. */
  disposition: string | null;
  contentId: string | null;
  size: number;
  sha256: string;
  /** The decoded bytes, for the blob store; never shown as such. */
  content: Buffer;
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
    .map((a) => ({ address: a.address.trim().toLowerCase(), name: (a.name ?? '').trim() }));
}

export function bodyOffset(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return raw.length;
  if (lf < 0 || (crlf >= 0 && crlf < lf)) return crlf + 4;
  return lf + 2;
}

function unknownCharsets(raw: Buffer): string[] {
  const named = new Set(
    [...raw.toString('latin1').matchAll(/charset\s*=\s*"?([^\s";]+)/gi)].map((m) => m[1]!.toLowerCase()),
  );
  return [...named].filter((charset) => {
    try {
      new TextDecoder(charset);
      return false;
    } catch {
      return true;
    }
  });
}

/** Reads a raw message; throws UnparseableMail when it is not a mail at all. */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    throw new UnparseableMail(`The MIME structure cannot be read: ${(err as Error).message}`);
  }
  if (!email.headers.length) throw new UnparseableMail('The message has no header');
  const headers = new Map<string, string[]>();
  for (const h of email.headers) headers.set(h.key, [...(headers.get(h.key) ?? []), h.value]);
  const contentType = (headers.get('content-type')?.[0] ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
  return {
    messageId: firstId(email.messageId),
    inReplyTo: firstId(email.inReplyTo),
    references: ids(email.references),
    from: mailboxes(email.from)[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    replyTo: mailboxes(email.replyTo),
    subject: email.subject?.trim() || null,
    headers,
    contentType,
    text: email.text ?? '',
    html: email.html ?? null,
    // Every part that is not the body, whatever their number: none is dropped.
    attachments: email.attachments.map((a) => {
      const content =
        typeof a.content === 'string'
          ? Buffer.from(a.content)
          : a.content instanceof Uint8Array
            ? Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength)
            : Buffer.from(a.content);
      return {
        filename: a.filename,
        contentType: a.mimeType,
        disposition: a.disposition,
        contentId: a.contentId ?? null,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      };
    }),
    bodyHash: createHash('sha256')
      .update(raw.subarray(bodyOffset(raw)))
      .digest('hex'),
    unknownCharsets: unknownCharsets(raw),
  };
}
