import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMail, routed } from '../../../test/support/mail.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { contentDisposition, servedContentType } from './get-attachment.js';

let t: TestApp;
let key: string;
let api: ReturnType<TestApp['as']>;
let mailbox: { id: string; address: string; inboundSecret: string };
let blobDir: string;

beforeAll(async () => {
  blobDir = mkdtempSync(path.join(tmpdir(), 'earshot-blobs-'));
  t = await createTestApp({ workers: true, env: { EARSHOT_BLOB_DIR: blobDir } });
  key = (await t.workspace('Acme')).apiKey;
  api = t.as(key);
  mailbox = (await api.post('/channels/email', { address: 'files@acme.test', name: 'Files' })).json;
});
afterAll(async () => {
  await t?.close();
  rmSync(blobDir, { recursive: true, force: true });
});

type Part = { filename: string; contentType: string; bytes: Buffer; inline?: boolean };

let serial = 0;
/** A multipart/mixed mail as clients write it: base64 parts, RFC 2231 names for non-ASCII. */
function mailWith(parts: Part[], text: string | null) {
  const boundary = `b${++serial}`;
  const lines = [
    `From: Dana <dana${serial}@customer.example>`,
    `To: ${mailbox.address}`,
    'Subject: Files',
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    `Message-ID: <files.${serial}.${Date.now()}@customer.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
  ];
  if (text !== null) lines.push(`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', text);
  for (const p of parts) {
    const name = /^[\x20-\x7e]*$/.test(p.filename)
      ? `filename="${p.filename.replace(/"/g, '\\"')}"`
      : `filename*=UTF-8''${encodeURIComponent(p.filename)}`;
    lines.push(
      `--${boundary}`,
      `Content-Type: ${p.contentType}`,
      `Content-Disposition: ${p.inline ? 'inline' : 'attachment'}; ${name}`,
      'Content-Transfer-Encoding: base64',
      '',
      ...(p.bytes.toString('base64').match(/.{1,76}/g) ?? ['']),
    );
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'));
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function deliver(raw: Buffer) {
  const posted = await postMail(t, mailbox, raw);
  expect(posted.status).toBe(202);
  const entry = await routed(api, mailbox.id, posted.json.id);
  const conversation = (await api.get(`/conversations/${entry.conversationId}`)).json;
  return { entry, message: conversation.messages.find((m: { id: string }) => m.id === entry.messageRef) };
}

const download = (id: string, as = key) =>
  t.app.request(`/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${as}` } });

describe('attachments', () => {
  it('are listed on an attachment-only mail and come back byte for byte, as downloads only', async () => {
    const parts: Part[] = [
      { filename: 'receipt.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 receipt') },
      {
        filename: 'page".html',
        contentType: 'text/html',
        bytes: Buffer.from('<script>alert(document.cookie)</script>'),
      },
      {
        filename: 'Übersicht März.png',
        contentType: 'image/png',
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]),
        inline: true,
      },
    ];
    const { entry, message } = await deliver(mailWith(parts, null));
    expect(entry.state).toBe('new_conversation');
    expect(message.text).toBe('[attachments: receipt.pdf, page".html, Übersicht März.png]');
    expect(message.attachments).toEqual(
      parts.map((p) => ({
        id: expect.any(String),
        filename: p.filename,
        contentType: p.contentType,
        size: p.bytes.length,
        sha256: sha(p.bytes),
      })),
    );
    for (const [i, listed] of (message.attachments as { id: string }[]).entries()) {
      const res = await download(listed.id);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(parts[i]!.bytes)).toBe(true);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    }
    const [pdf, html, png] = await Promise.all(
      message.attachments.map((a: { id: string }) => download(a.id)),
    );
    expect(pdf!.headers.get('content-type')).toBe('application/pdf');
    // A page is never served as a page, and the quote in its name cannot end the header's string.
    expect(html!.headers.get('content-type')).toBe('application/octet-stream');
    expect(html!.headers.get('content-disposition')).toBe(
      `attachment; filename="page_.html"; filename*=UTF-8''page%22.html`,
    );
    expect(png!.headers.get('content-disposition')).toBe(
      `attachment; filename="_bersicht M_rz.png"; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.png`,
    );

    // The bytes are in the configured folder, under their hash.
    const hash = sha(parts[0]!.bytes);
    expect(existsSync(path.join(blobDir, hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(true);
  });

  it('are all kept, however many a mail carries; the same file twice is one blob', async () => {
    const parts: Part[] = Array.from({ length: 120 }, (_, i) => ({
      filename: `scan-${i}.txt`,
      contentType: 'text/plain',
      // Files 100 and up repeat file 0's bytes.
      bytes: Buffer.from(`page ${i >= 100 ? 0 : i} of the contract`),
    }));
    const before = countBlobs();
    const { message } = await deliver(mailWith(parts, 'Here are the scans.'));
    expect(message.text).toBe('Here are the scans.');
    expect(message.attachments).toHaveLength(120);
    expect(new Set(message.attachments.map((a: { id: string }) => a.id)).size).toBe(120);
    expect(countBlobs() - before).toBe(100);
    const last = await download(message.attachments[119].id);
    expect(await last.text()).toBe('page 0 of the contract');
  });

  it("are refused to another workspace, and to nobody's key", async () => {
    const { message } = await deliver(
      mailWith([{ filename: 'secret.txt', contentType: 'text/plain', bytes: Buffer.from('only Acme') }], 'x'),
    );
    const id = message.attachments[0].id;
    const other = (await t.workspace('Other')).apiKey;
    const refused = await download(id, other);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { code: string }).code).toBe('EMAIL_ATTACHMENT_NOT_FOUND');
    expect((await t.app.request(`/api/v1/attachments/${id}`)).status).toBe(401);
    expect((await download(id)).status).toBe(200);
  });
});

function countBlobs(): number {
  return readdirSync(blobDir, { recursive: true, encoding: 'utf8' }).filter((f) => /[0-9a-f]{64}$/.test(f))
    .length;
}

describe('serving a file safely', () => {
  it('keeps plain types and turns anything runnable or malformed into a download of bytes', () => {
    expect(servedContentType('image/png')).toBe('image/png');
    expect(servedContentType('IMAGE/JPEG')).toBe('image/jpeg');
    for (const bad of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'text/javascript',
      'x',
      'a/b/c',
      'text/plain\r\nSet-Cookie: a=b',
    ]) {
      expect(servedContentType(bad), bad).toBe('application/octet-stream');
    }
    expect(contentDisposition(null, 'attachment-3')).toBe(
      `attachment; filename="attachment-3"; filename*=UTF-8''attachment-3`,
    );
    expect(contentDisposition('../../etc/passwd', 'x')).toMatch(
      /^attachment; filename="\.\._\.\._etc_passwd"/,
    );
    expect(contentDisposition('a\r\nb;c.txt', 'x')).not.toMatch(/[\r\n]/);
  });
});
