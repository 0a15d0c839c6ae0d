import { createHash } from 'node:crypto';
import type { MailAddress, ParsedMail } from './parse-mail.js';
import type { ListedAttachment } from './keep-attachments.js';
import { htmlToText, sanitizeEmailHtml } from './sanitize-email-html.js';
import { splitReply } from './split-reply.js';

// PostgreSQL's text and jsonb refuse the NUL character, which broken mail does carry.
export const storable = (text: string): string => text.replace(/\0/g, '');

const shown = (a: MailAddress) => storable(a.name ? `${a.name} <${a.address}>` : a.address);

/** An id for a mail that has none, the same for every copy of the same mail (so copies dedupe). */
export function syntheticMessageId(mail: ParsedMail): string {
  const date = mail.headers.get('date')?.[0] ?? '';
  const seed = [mail.from?.address ?? '', date, mail.subject ?? '', mail.bodyHash].join('\n');
  return `synthetic.${createHash('sha256').update(seed).digest('hex').slice(0, 32)}@earshot.invalid`;
}

/**
 * What the conversation shows for a mail: the customer's new words as the message text, and, on
 * the message, the headers, the full text, the sanitised HTML and the attachments' metadata.
 */
export function mailContent(
  mail: ParsedMail,
  messageId: string,
  autoReply: boolean,
  attachments: ListedAttachment[],
) {
  const full = storable(mail.text.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '').trim();
  const split = splitReply(full);
  const attachmentNames = attachments.map((a) => a.filename ?? a.contentType).join(', ');
  const text = split.text || (attachmentNames ? `[attachments: ${storable(attachmentNames)}]` : '(no text)');
  return {
    text,
    channelData: {
      email: {
        messageId,
        from: mail.from ? shown(mail.from) : null,
        to: mail.to.map(shown),
        cc: mail.cc.map(shown),
        subject: mail.subject ? storable(mail.subject) : null,
        inReplyTo: mail.inReplyTo,
        // Mail fetched after an outage keeps the date it was written, whenever it arrives.
        date: mail.date,
        ...(mail.replyTo.length ? { replyTo: mail.replyTo.map(shown).join(', ') } : {}),
      },
      fullText: full,
      ...(mail.html ? { html: storable(sanitizeEmailHtml(mail.html)) } : {}),
      // An attachment-only mail shows its files here, each downloadable by its id.
      attachments,
      ...(autoReply ? { autoReply: true } : {}),
    },
  };
}
