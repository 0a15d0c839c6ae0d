import { seal } from '../../platform/access/seal-secret.js';
import type { ImapSettings } from './schema.js';

type ImapInput = ImapSettings & { password: string };

/**
 * A mailbox's IMAP settings as stored: the password sealed, and a fresh checkpoint, since other
 * settings may name another folder or server whose UIDs mean nothing here (mail read again
 * collapses as duplicates). Undefined: unchanged; null: fetching stops.
 */
export function imapColumns(imap: ImapInput | null | undefined, sessionSecret: string) {
  if (imap === undefined) return {};
  const { password, ...settings } = imap ?? { password: null };
  return {
    imap: imap ? (settings as ImapSettings) : null,
    imapPassword: password === null ? null : seal(sessionSecret, password),
    imapUidValidity: null,
    imapLastUid: 0,
    imapError: null,
  };
}

export type ImapColumns = ReturnType<typeof imapColumns>;
