import { describe, expect, it } from 'vitest';
import { splitReply } from './split-reply.js';

describe('splitReply', () => {
  it('cuts a Gmail attribution and the quote under it', () => {
    const mail =
      'Thanks, that worked!\n\nOn Tue, 1 Dec 2026 at 10:00, Acme Support <support@acme.test> wrote:\n> Try restarting.\n> Best, Acme';
    expect(splitReply(mail)).toEqual({ text: 'Thanks, that worked!', quoted: true, signature: false });
  });

  it('cuts an attribution that the client wrapped over two lines', () => {
    const mail =
      'Still broken.\r\n\r\nOn Tue, 1 Dec 2026 at 10:00, Acme Support <support@acme.test>\r\nwrote:\r\n> Try restarting.';
    expect(splitReply(mail).text).toBe('Still broken.');
  });

  it.each([
    ['German', 'Am 01.12.2026 um 10:00 schrieb Acme Support <support@acme.test>:'],
    ['French', 'Le mar. 1 déc. 2026 à 10:00, Acme Support <support@acme.test> a écrit :'],
    ['Spanish', 'El mar, 1 dic 2026 a las 10:00, Acme Support escribió:'],
    ['Outlook divider', '-----Original Message-----'],
  ])('cuts a %s attribution', (_language, line) => {
    expect(splitReply(`Danke, alles gut.\n\n${line}\nFrüherer Text`).text).toBe('Danke, alles gut.');
  });

  it('cuts an Outlook header block under a rule, whatever its language', () => {
    const outlook = [
      'Bitte rufen Sie mich an.',
      '',
      '________________________________',
      'Von: Acme Support <support@acme.test>',
      'Gesendet: Dienstag, 1. Dezember 2026 10:00',
      'An: Kunde <kunde@example.de>',
      'Betreff: AW: Bestellung',
      '',
      'Wir haben Ihre Bestellung erhalten.',
    ].join('\r\n');
    expect(splitReply(outlook)).toMatchObject({ text: 'Bitte rufen Sie mich an.', quoted: true });
  });

  it('keeps a "From:" line that is part of what the customer wrote', () => {
    const mail = 'From: my accountant I heard the invoice is wrong.\nCan you check?';
    expect(splitReply(mail).text).toBe(mail);
  });

  it('cuts a trailing block of quoted lines but keeps answers written between quotes', () => {
    expect(splitReply('Yes please.\n\n> Shall we refund you?\n> Regards').text).toBe('Yes please.');
    const inline = '> Which size?\nMedium.\n> Which colour?\nBlue.';
    expect(splitReply(inline).text).toBe(inline);
  });

  it('drops the signature after "-- " and a mobile footer', () => {
    expect(splitReply('Order 123 never came.\n\n-- \nDana Reyes\nCEO, Example Ltd')).toEqual({
      text: 'Order 123 never came.',
      quoted: false,
      signature: true,
    });
    expect(splitReply('On my way.\n\nSent from my iPhone').text).toBe('On my way.');
  });

  it('keeps everything when everything looks quoted, rather than showing nothing', () => {
    const forward = '> Original complaint text\n> second line';
    expect(splitReply(forward)).toEqual({ text: forward, quoted: false, signature: false });
  });

  it('leaves plain text alone', () => {
    expect(splitReply('  Hello,\n\nmy parcel is late.\n')).toEqual({
      text: 'Hello,\n\nmy parcel is late.',
      quoted: false,
      signature: false,
    });
  });
});
