import { randomBytes, randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

export type OutboundDraft = {
  mailbox: { address: string; name: string };
  to: string;
  /** Copied in: the others the customer's mail was addressed or copied to. */
  cc?: string[];
  subject: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  /** Extra headers, e.g. `Auto-Submitted` on an acknowledgement. */
  headers?: Record<string, string>;
};

export type ComposedMail = {
  raw: Buffer;
  messageId: string;
  replyToken: string;
  replyTo: string;
};

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/** `support@acme.test` with token `abc` → `support+r-abc@acme.test`: where the customer answers. */
export function replyAddress(mailbox: string, token: string): string {
  const at = mailbox.lastIndexOf('@');
  return `${mailbox.slice(0, at)}+r-${token}@${mailbox.slice(at + 1)}`;
}

/** The reply token in a recipient such as `support+r-abc@acme.test`, or null. */
export function replyTokenIn(recipient: string): string | null {
  const match = /\+r-([a-z0-9]{16,64})@/i.exec(recipient);
  return match ? match[1]!.toLowerCase() : null;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The agent's plain text as HTML: paragraphs at blank lines, line breaks kept, nothing else. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>\n')}</p>`);
  return `<!doctype html><html><body>\n${paragraphs.join('\n')}\n</body></html>`;
}

/**
 * The mail as it goes out, composed once: our Message-ID in the mailbox's domain, a reply token in
 * Reply-To that threading recognises before anything else, text and HTML parts.
 */
export async function composeOutbound(draft: OutboundDraft): Promise<ComposedMail> {
  // 80 bits in base 16: unguessable, and survives mail systems that lower-case local parts.
  const replyToken = randomBytes(10).toString('hex');
  const messageId = `${randomUUID()}@${domainOf(draft.mailbox.address)}`;
  const replyTo = replyAddress(draft.mailbox.address, replyToken);
  const composer = new MailComposer({
    from: { name: draft.mailbox.name, address: draft.mailbox.address },
    to: draft.to,
    ...(draft.cc?.length ? { cc: draft.cc } : {}),
    replyTo,
    subject: draft.subject,
    messageId: `<${messageId}>`,
    date: new Date(),
    ...(draft.inReplyTo ? { inReplyTo: `<${draft.inReplyTo}>` } : {}),
    ...(draft.references.length ? { references: draft.references.map((r) => `<${r}>`) } : {}),
    text: draft.text,
    html: textToHtml(draft.text),
    headers: draft.headers ?? {},
  });
  const raw = await composer.compile().build();
  return { raw, messageId, replyToken, replyTo };
}
