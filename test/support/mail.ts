import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';
import { waitUntil } from './wait-until.js';

let serial = 0;

/** A real-shaped mail: headers as mail clients write them, CRLF line ends. */
export function composeMail(options: {
  from: string;
  to?: string;
  subject?: string;
  body?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  date?: string;
}): Buffer {
  const messageId =
    options.messageId === undefined ? `<m${++serial}.${Date.now()}@mail.example.org>` : options.messageId;
  const lines = [
    `From: ${options.from}`,
    `To: ${options.to ?? 'Support <support@acme.test>'}`,
    `Subject: ${options.subject ?? 'Help with my order'}`,
    `Date: ${options.date ?? 'Tue, 1 Dec 2026 10:00:00 +0000'}`,
    ...(messageId ? [`Message-ID: ${messageId}`] : []),
    ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`] : []),
    ...(options.references ? [`References: ${options.references.join(' ')}`] : []),
    'MIME-Version: 1.0',
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    ...(options.headers?.['Content-Type'] ? [] : ['Content-Type: text/plain; charset=utf-8']),
    '',
    options.body ?? 'Hello, my order has not arrived.',
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}

/** Posts a raw mail to a mailbox's inbound URL, as a mail provider would. */
export async function postMail(
  t: TestApp,
  mailbox: { id: string; inboundSecret: string },
  raw: Buffer,
  secret = mailbox.inboundSecret,
) {
  const res = await t.app.request(`/api/v1/channels/email/${mailbox.id}/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${secret}` },
    body: raw,
  });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
}

/** The mail log entry of a stored mail once parsing has decided where it went. */
export async function routed(api: ReturnType<TestApp['as']>, mailboxId: string, inboundId: string) {
  return waitUntil(`mail ${inboundId} to be routed`, async () => {
    const log = await api.get(`/channels/email/${mailboxId}/messages?limit=200`);
    const entry = log.json.data.find((e: { id: string }) => e.id === inboundId);
    return entry && entry.state !== 'received' ? entry : undefined;
  });
}

/** A mail of about `bytes` bytes: a line of text and one base64 file (returned too) filling the rest. */
export function largeMail(to: string, bytes: number): { raw: Buffer; file: Buffer } {
  const head = [
    'From: Big Sender <big@customer.example>',
    `To: ${to}`,
    'Subject: The scans',
    `Message-ID: <large.${Date.now()}.${++serial}@customer.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'The scans are attached.',
    '--b',
    'Content-Type: application/octet-stream; name="scans.bin"',
    'Content-Disposition: attachment; filename="scans.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    '',
  ].join('\r\n');
  const file = randomBytes(Math.floor(((bytes - head.length - 16) / 78) * 57));
  const lines = file
    .toString('base64')
    .match(/.{1,76}/g)!
    .join('\r\n');
  return { raw: Buffer.from(`${head}${lines}\r\n--b--\r\n`), file };
}
