import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { ListenerDeps } from '../../platform/events/define-listener.js';
import { findMailboxForRecipient, type MailboxTarget } from './find-mailbox.js';
import { storeInbound } from './store-inbound.js';

export type SmtpListener = { port: number; stop(): Promise<void> };

const reply = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
// The sender keeps the mail and tries again later: what every SMTP client does with a 4xx.
const tryLater = () => reply(451, 'Temporary failure storing the message; try again later');

/**
 * The built-in mail listener. The envelope decides where mail goes: an unknown recipient is
 * refused at RCPT (550), so nobody's mail is accepted for nothing; the size limit is announced
 * with SIZE and a larger message is answered 552 (what exceeds it is read and thrown away, not
 * kept in memory). `250` is only said once the raw message is committed in every recipient
 * mailbox's workspace; a database failure says 451 and the sender retries (a copy stored before
 * the failure is recognised as a duplicate then).
 */
export async function startSmtpListener(
  deps: ListenerDeps,
  options: { port: number; host: string; maxBytes: number },
): Promise<SmtpListener> {
  const targets = new WeakMap<SMTPServerSession, Map<string, MailboxTarget>>();
  const server = new SMTPServer({
    name: 'earshot',
    banner: 'Earshot inbound mail',
    size: options.maxBytes,
    authOptional: true,
    // Mail is received for our own mailboxes only; nobody relays, so nobody needs to log in.
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 5_000,
    onRcptTo(address, session, callback) {
      findMailboxForRecipient(deps.db, address.address).then(
        (mailbox) => {
          if (!mailbox) return callback(reply(550, `No mailbox here for <${address.address}>`));
          const known = targets.get(session) ?? new Map<string, MailboxTarget>();
          known.set(address.address, mailbox);
          targets.set(session, known);
          callback();
        },
        (err: unknown) => {
          deps.logger.error({ err }, 'smtp recipient lookup failed');
          callback(tryLater());
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= options.maxBytes) chunks.push(chunk);
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > options.maxBytes) {
          return callback(reply(552, `Message exceeds the ${options.maxBytes} bytes this server accepts`));
        }
        const raw = Buffer.concat(chunks, size);
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
        const known = targets.get(session) ?? new Map<string, MailboxTarget>();
        // One copy per mailbox, however many of its +addresses the envelope named.
        const byMailbox = new Map<string, { mailbox: MailboxTarget; recipient: string }>();
        for (const rcpt of session.envelope.rcptTo) {
          const mailbox = known.get(rcpt.address);
          if (mailbox && !byMailbox.has(mailbox.id))
            byMailbox.set(mailbox.id, { mailbox, recipient: rcpt.address });
        }
        Promise.all(
          [...byMailbox.values()].map(({ mailbox, recipient }) =>
            storeInbound(deps, mailbox, { raw, via: 'smtp', recipient, envelopeFrom }),
          ),
        ).then(
          (stored) => callback(null, `Queued as ${stored.map((s) => s.id).join(' ')}`),
          (err: unknown) => {
            deps.logger.error({ err }, 'smtp message could not be stored');
            callback(tryLater());
          },
        );
      });
    },
  });
  server.on('error', (err) => deps.logger.warn({ err }, 'smtp connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
