import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeMail } from '../../../test/support/mail.js';
import { directoryBlobStore } from './blob-store.js';
import { classifyAutomated } from './classify-automated.js';
import { mailboxKey } from './mailbox-address.js';
import { parseMail } from './parse-mail.js';
import { normalizeSubject, subjectReference } from './subject.js';

const store = directoryBlobStore(mkdtempSync(path.join(os.tmpdir(), 'earshot-classify-')));
const from = 'Ann <ann@customer.example>';
const classify = async (headers: Record<string, string>, envelopeFrom?: string | null, sender = from) =>
  classifyAutomated(await parseMail(composeMail({ from: sender, headers }), store), envelopeFrom);

describe('classifyAutomated', () => {
  it('takes ordinary mail for a person', async () => {
    expect(await classify({})).toEqual({ kind: 'human' });
    expect(await classify({ 'Auto-Submitted': 'no' })).toEqual({ kind: 'human' });
    expect(await classify({ Precedence: 'first-class' }, 'ann@customer.example')).toEqual({ kind: 'human' });
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }],
    [{ 'Auto-Submitted': 'auto-generated' }],
    [{ 'X-Autoreply': 'yes' }],
    [{ 'X-Autorespond': 'Out of office' }],
    [{ 'X-Auto-Response-Suppress': 'All' }],
    [{ Precedence: 'bulk' }],
    [{ Precedence: 'junk' }],
    [{ Precedence: 'list' }],
    [{ 'Return-Path': '<>' }],
    [{ 'Content-Type': 'multipart/report; report-type=disposition-notification; boundary="b"' }],
  ])('calls %o an automatic reply', async (headers) => {
    expect((await classify(headers)).kind).toBe('auto_reply');
  });

  it('calls mail with a null SMTP return path an automatic reply', async () => {
    expect((await classify({}, null)).kind).toBe('auto_reply');
  });

  it('calls delivery reports and the mailer daemon bounces', async () => {
    const report = { 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"' };
    expect(await classify(report, null)).toMatchObject({ kind: 'bounce' });
    expect(await classify({}, null, 'Mail Delivery Subsystem <MAILER-DAEMON@mx.example>')).toMatchObject({
      kind: 'bounce',
    });
    expect(await classify({}, 'x@y.example', 'postmaster@mx.example')).toMatchObject({ kind: 'bounce' });
  });
});

describe('subjects', () => {
  it('ignore reply and forward prefixes in every language, repeated, and our reference tag', () => {
    for (const subject of [
      'Re: Order late',
      'RE: Fwd: Order late',
      'AW: WG: Order late',
      'SV: VS: Order late',
      'TR: RV: Order late',
      'Re[2]: Order late',
      'Fw: Re: Order late [#42]',
      '  re :  Order   late ',
    ]) {
      expect(normalizeSubject(subject), subject).toBe('Order late');
    }
    expect(normalizeSubject('Reorder late')).toBe('Reorder late');
  });

  it('find the conversation reference', () => {
    expect(subjectReference('Re: Order late [#42]')).toBe(42);
    expect(subjectReference('Order #42 late')).toBeNull();
    expect(subjectReference('[#99999999999]')).toBeNull();
  });
});

describe('mailboxKey', () => {
  it('lower-cases, drops angle brackets and the +tag', () => {
    expect(mailboxKey('<Support+Order-17@Acme.Test>')).toBe('support@acme.test');
    expect(mailboxKey('support@acme.test')).toBe('support@acme.test');
    expect(mailboxKey('not an address')).toBeNull();
    expect(mailboxKey('@acme.test')).toBeNull();
  });
});
