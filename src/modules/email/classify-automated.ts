import type { ParsedMail } from './parse-mail.js';

export type Automation = { kind: 'human' } | { kind: 'auto_reply' | 'bounce'; reason: string };

const daemon = /^(mailer-daemon|postmaster)@/i;

/**
 * Whether a machine wrote this mail. Bounces and auto-replies never open a conversation and never
 * get an acknowledgement: answering them is how two auto-responders end up mailing each other
 * forever. `envelopeFrom` is the SMTP return path: null for `<>`, undefined when unknown (HTTP).
 */
export function classifyAutomated(mail: ParsedMail, envelopeFrom: string | null | undefined): Automation {
  const header = (name: string) => mail.headers.get(name)?.[0]?.trim().toLowerCase();
  const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(mail.headers.get('content-type')?.[0] ?? '')?.[1];
  if (mail.contentType === 'multipart/report' && reportType?.toLowerCase() === 'delivery-status') {
    return { kind: 'bounce', reason: 'multipart/report; report-type=delivery-status' };
  }
  if (mail.from && daemon.test(mail.from.address))
    return { kind: 'bounce', reason: `from ${mail.from.address}` };
  if (mail.contentType === 'multipart/report') {
    return { kind: 'auto_reply', reason: `multipart/report; report-type=${reportType ?? 'unknown'}` };
  }
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no')
    return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress']) {
    if (mail.headers.has(name)) return { kind: 'auto_reply', reason: `${name} present` };
  }
  const precedence = header('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return { kind: 'auto_reply', reason: `Precedence: ${precedence}` };
  }
  const returnPath = header('return-path');
  if (envelopeFrom === null || returnPath === '<>') return { kind: 'auto_reply', reason: 'null return path' };
  return { kind: 'human' };
}
