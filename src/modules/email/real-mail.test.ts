import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asReceivedOverSmtp, sendSmtp } from '../../../test/support/smtp-client.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

// Real mail nobody on this project wrote (see ../shared/data/README.md): broken headers, bad
// dates, x-uuencode, mislabelled and Asian charsets, bounces. It sits beside the project, not in
// it, so on a machine without it this file is skipped rather than failed.
const corpus = path.resolve(process.cwd(), '../shared/data/mail-mikel');
const files = existsSync(corpus)
  ? readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.eml'))
      .sort()
  : [];

let t: TestApp;
let smtp: SmtpListener;
let api: ReturnType<TestApp['as']>;
let key: string;

describe.skipIf(!files.length)('real mail (mail-mikel) through the SMTP listener', () => {
  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    smtp = await startSmtpListener(
      { ...t.deps, jobs: t.background!.queue },
      { port: 0, host: '127.0.0.1', maxBytes: 25 * 1024 * 1024 },
    );
    key = (await t.workspace('Acme')).apiKey;
    api = t.as(key);
  });
  afterAll(async () => {
    await smtp?.stop();
    await t?.close();
  });

  it('takes every message, loses none, gives each back byte for byte and routes each somewhere', async () => {
    const mailbox = (await api.post('/channels/email', { address: 'corpus@acme.test', name: 'Corpus' })).json;
    const sent = new Map<string, Buffer>();
    for (const file of files) {
      const raw = readFileSync(path.join(corpus, file));
      const result = await sendSmtp(smtp.port, { from: 'relay@sender.example', to: [mailbox.address] }, raw);
      expect(result.data?.code, file).toBe(250);
      sent.set(createHash('sha256').update(asReceivedOverSmtp(raw)).digest('hex'), asReceivedOverSmtp(raw));
    }
    expect(files.length).toBe(103);

    type Entry = {
      id: string;
      sha256: string;
      state: string;
      error: string | null;
      conversationId: string;
      messageRef: string;
    };
    const readLog = async () => {
      const entries: Entry[] = [];
      for (let cursor = ''; ;) {
        const page = await api.get(`/channels/email/${mailbox.id}/messages?limit=50${cursor}`);
        entries.push(...page.json.data);
        if (!page.json.nextCursor) return entries;
        cursor = `&cursor=${page.json.nextCursor}`;
      }
    };
    const entries = await readLog();
    // Count in = count stored (the corpus has no two files with the same bytes).
    expect(entries).toHaveLength(files.length);
    expect(new Set(entries.map((e) => e.sha256))).toEqual(new Set(sent.keys()));
    for (const entry of entries) {
      const res = await t.app.request(`/api/v1/messages/${entry.id}/raw`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(Buffer.from(await res.arrayBuffer()).equals(sent.get(entry.sha256)!), entry.id).toBe(true);
    }

    const routed = await waitUntil(
      'every message to be routed',
      async () => {
        const now = await readLog();
        return now.every((e) => e.state !== 'received') ? now : undefined;
      },
      60_000,
      250,
    );
    const counts: Record<string, number> = {};
    for (const e of routed) counts[e.state] = (counts[e.state] ?? 0) + 1;
    console.info(
      'mail-mikel outcomes',
      counts,
      routed.flatMap((e) => (e.error ? [e.error] : [])),
    );
    // Bounces are recognised as such; the corpus's ordinary mail opens or joins conversations.
    expect(counts.bounce).toBeGreaterThanOrEqual(4);
    expect((counts.new_conversation ?? 0) + (counts.threaded ?? 0)).toBeGreaterThan(60);

    // Charsets decode: ISO-2022-JP, Shift_JIS, Korean (ks_c_5601-1987); the signature under "-- "
    // stays out of the new text.
    const expected: Record<string, string> = {
      'multi_charset/japanese_iso_2022.eml': 'すみません。',
      'multi_charset/japanese_shift_jis.eml': 'あいうえお',
      'multi_charset/ks_c_5601-1987.eml': '스티해',
      'multi_charset/japanese.eml': 'かきくえこ',
    };
    for (const [file, text] of Object.entries(expected)) {
      const sha = createHash('sha256')
        .update(asReceivedOverSmtp(readFileSync(path.join(corpus, file))))
        .digest('hex');
      const entry = routed.find((e) => e.sha256 === sha)!;
      const shown = (await api.get(`/conversations/${entry.conversationId}`)).json;
      const message = shown.messages.find((m: { id: string }) => m.id === entry.messageRef);
      expect(message.text.startsWith(text), `${file}: ${message.text}`).toBe(true);
    }
  }, 240_000);
});
