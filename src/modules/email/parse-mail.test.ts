import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { largeMail } from '../../../test/support/mail.js';
import { spamAssassinFiles } from '../../../test/support/spam-assassin.js';
import { directoryBlobStore } from './blob-store.js';
import { bodyOffset, parseMail } from './parse-mail.js';
import { fixWindows1252 } from './windows-1252.js';

const store = directoryBlobStore(mkdtempSync(path.join(os.tmpdir(), 'earshot-parse-')));
const mikel = path.resolve(process.cwd(), '../shared/data/mail-mikel');
const corpus = [
  ...(existsSync(mikel)
    ? readdirSync(mikel, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.eml'))
        .map((f) => path.join(mikel, f))
    : []),
  ...spamAssassinFiles(),
];
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What postal-mime makes of the whole mail, in the terms parseMail gives (windows-1252 fixed). */
async function wholeParse(raw: Buffer) {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  return {
    text: fixWindows1252(email.text ?? ''),
    html: email.html ? fixWindows1252(email.html) : null,
    attachments: email.attachments.map((a) => {
      const bytes = new Uint8Array(a.content as ArrayBuffer);
      const filename = a.filename === null ? null : fixWindows1252(a.filename);
      return { filename, contentType: a.mimeType, size: bytes.byteLength, sha256: sha(bytes) };
    }),
  };
}

describe('parseMail, files decoded into the store as the mail is read', () => {
  it('reads every real mail as postal-mime reads it whole, files kept byte for byte', async () => {
    expect(corpus.length).toBeGreaterThan(100);
    let offloaded = 0;
    let parsedWhole = 0;
    for (const file of corpus) {
      const raw = readFileSync(file);
      const expected = await wholeParse(raw).catch(() => null);
      const mail = await parseMail(raw, store).catch(() => null);
      if (!expected) continue;
      expect(mail, file).not.toBeNull();
      expect(mail!.text, file).toBe(expected.text);
      expect(mail!.html, file).toBe(expected.html);
      expect(
        mail!.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
        })),
        file,
      ).toEqual(expected.attachments);
      for (const a of mail!.attachments) expect(await store.exists(a.sha256), file).toBe(true);
      expect(mail!.bodyHash, file).toBe(sha(raw.subarray(bodyOffset(raw))));
      if (mail!.withoutFiles === raw) parsedWhole++;
      else if (mail!.withoutFiles.length < raw.length) offloaded++;
    }
    // The files really were taken out of the mail (not parsed whole as a fallback), nearly always.
    expect(offloaded).toBeGreaterThan(50);
    expect(parsedWhole).toBeLessThan(corpus.length / 100);
  }, 600_000);
});

describe('parseMail, where its own reading of the structure and the parser differ', () => {
  it('parses the mail whole, and keeps its files as the parser reads them', async () => {
    // A nested comment in the transfer encoding: postal-mime reads base64 behind it, the
    // offloading reads no encoding; the marker it leaves decodes to nothing parseMail knows.
    const file = randomBytes(3_000);
    const raw = Buffer.from(
      [
        'From: ann@customer.example',
        'To: support@acme.test',
        'Subject: Odd encoding',
        'Content-Type: multipart/mixed; boundary="x"',
        '',
        '--x',
        'Content-Type: text/plain',
        '',
        'See the file.',
        '--x',
        'Content-Type: application/pdf; name="a.pdf"',
        'Content-Transfer-Encoding: (a (nested) comment) base64',
        '',
        ...file.toString('base64').match(/.{1,76}/g)!,
        '--x--',
        '',
      ].join('\r\n'),
    );
    const mail = await parseMail(raw, store);
    expect(mail.withoutFiles).toBe(raw);
    expect(mail.text.trim()).toBe('See the file.');
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: 'a.pdf', size: file.length, sha256: sha(file) }),
    ]);
    expect(await store.exists(sha(file))).toBe(true);
  });
});

/** A one-part mail as a mail client in that charset writes it. */
const mailIn = (charset: string, encoding: string, body: string | Buffer, subject = 'Question') =>
  Buffer.concat([
    Buffer.from(
      [
        'From: Customer <customer@example.jp>',
        'To: support@acme.test',
        `Subject: ${subject}`,
        'Date: Tue, 1 Dec 2026 10:00:00 +0900',
        'Message-ID: <charset.1@example.jp>',
        'MIME-Version: 1.0',
        `Content-Type: text/plain; charset=${charset}`,
        `Content-Transfer-Encoding: ${encoding}`,
        '',
        '',
      ].join('\r\n'),
    ),
    Buffer.isBuffer(body)
      ? Buffer.from(body.toString('base64').replace(/.{76}/g, '$&\r\n'))
      : Buffer.from(body),
    Buffer.from('\r\n'),
  ]);

describe('charsets', () => {
  it.each([
    ['ISO-2022-JP', '7bit', '\x1b$B$3$s$K$A$O\x1b(B', 'こんにちは'],
    [
      'Shift_JIS',
      'base64',
      Buffer.from([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]),
      'こんにちは',
    ],
    ['GB18030', 'base64', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), '你好'],
    ['Big5', 'base64', Buffer.from([0xa7, 0x41, 0xa6, 0x6e]), '你好'],
    ['windows-1252', 'quoted-printable', 'Caf=E9 cr=E8me =80 5', 'Café crème € 5'],
    ['windows-1251', 'base64', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'Привет'],
    // RFC 2152's own examples.
    ['UTF-7', '7bit', 'Hi Mom -+Jjo--! A+ImIDkQ. 1 +- 1', 'Hi Mom -☺-! A≢Α. 1 + 1'],
  ])('decodes a %s body', async (charset, encoding, body, expected) => {
    const mail = await parseMail(mailIn(charset, encoding, body), store);
    expect(mail.text.trim()).toBe(expected);
    expect(mail.unknownCharsets).toEqual([]);
  });

  it('decodes RFC 2047 words in headers and RFC 2231 file names', async () => {
    const raw = Buffer.from(
      [
        'From: =?ISO-8859-1?Q?Ren=E9_Dupont?= <rene@example.fr>',
        'To: support@acme.test',
        'Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?= =?windows-1252?Q?=93=E9=94?=',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="c"',
        '',
        '--c',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voir la pièce jointe.',
        '--c',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment; filename*0*=UTF-8''Re%C3%A7u%20;",
        ' filename*1*=n%C2%B01.pdf',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF').toString('base64'),
        '--c--',
        '',
      ].join('\r\n'),
    );
    const mail = await parseMail(raw, store);
    expect(mail.from).toEqual({ address: 'rene@example.fr', name: 'René Dupont' });
    expect(mail.subject).toBe('こんにちは“é”');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['Reçu n°1.pdf']);
  });

  it('flags a charset it cannot decode and still reads the mail', async () => {
    const mail = await parseMail(mailIn('x-klingon', '7bit', 'Qapla'), store);
    expect(mail.text.trim()).toBe('Qapla');
    expect(mail.unknownCharsets).toEqual(['x-klingon']);
  });
});

/** Peak memory added while `work` runs, sampled every few milliseconds. */
async function peakAdded(work: () => Promise<unknown>) {
  const now = () => {
    const m = process.memoryUsage();
    return { heap: m.heapUsed, buffers: m.arrayBuffers };
  };
  const base = now();
  let peak = base;
  const sample = (_held?: unknown) => {
    const m = now();
    peak = { heap: Math.max(peak.heap, m.heap), buffers: Math.max(peak.buffers, m.buffers) };
  };
  const timer = setInterval(sample, 2);
  try {
    // Sampled once more at the end, with what the work returned still held.
    sample(await work());
  } finally {
    clearInterval(timer);
  }
  return { heap: peak.heap - base.heap, buffers: peak.buffers - base.buffers };
}

describe('parsing a 25 MB mail', () => {
  it('adds well under the size of the mail in memory, where the whole parse adds several times it', async () => {
    const { raw, file } = largeMail('support@acme.test', 25 * 1024 * 1024);
    // Read as the job reads a stored mail: a piece at a time (views here, copies from the database).
    const pieces = async function* () {
      for (let at = 0; at < raw.length; at += 1024 * 1024) yield raw.subarray(at, at + 1024 * 1024);
    };
    let mail: Awaited<ReturnType<typeof parseMail>> | undefined;
    const added = await peakAdded(async () => (mail = await parseMail(pieces, store)));
    expect(mail!.attachments).toEqual([
      expect.objectContaining({ filename: 'scans.bin', size: file.length, sha256: sha(file) }),
    ]);
    expect(mail!.withoutFiles.length).toBeLessThan(2_000);
    // The same measure catches a parse that holds the mail whole: postal-mime alone, for scale.
    const whole = await peakAdded(() => PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' }));
    expect(whole.buffers + whole.heap).toBeGreaterThan(2 * raw.length);
    // Garbage not yet collected counts too (about half the mail's size, measured), hence the
    // margin; the ceiling is twice the mail's size.
    expect(added.buffers + added.heap).toBeLessThan(1.5 * raw.length);
  }, 120_000);
});
