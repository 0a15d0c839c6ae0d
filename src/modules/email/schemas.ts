import { z } from '@hono/zod-openapi';
import { atLeastOneField, text } from '../../platform/http/input-schemas.js';
import { mailboxKey } from './mailbox-address.js';
import { inboundStates, inboundVias } from './schema.js';

const address = text({ min: 1, max: 254 })
  .toLowerCase()
  .refine((a) => /^[^\s@+<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(a) && mailboxKey(a) === a, {
    message: 'must be an email address without a +tag (support+anything@ reaches support@ anyway)',
  })
  .openapi({ example: 'support@example.com' });

const imapInput = z
  .object({
    host: text({ min: 1, max: 253 }),
    port: z.number().int().min(1).max(65535).default(993),
    secure: z
      .boolean()
      .default(true)
      .openapi({ description: 'TLS from the start (993); false: plain (143)' }),
    user: text({ min: 1, max: 320 }),
    password: text({ min: 1, max: 1000 }).openapi({ description: 'Stored sealed; never returned' }),
    folder: text({ min: 1, max: 500 }).default('INBOX'),
  })
  .strict()
  .openapi('ImapSettingsInput', {
    description:
      'Fetch a mailbox hosted elsewhere over IMAP (by UID checkpoint; messages are never marked read)',
  });

export const createMailboxBody = z
  .object({
    address,
    name: text({ min: 1, max: 200 }).openapi({ example: 'Support' }),
    autoAcknowledge: z.boolean().optional(),
    imap: imapInput.optional(),
  })
  .strict()
  .openapi('CreateMailboxInput');

export const updateMailboxBody = atLeastOneField(
  z
    .object({
      address: address.optional(),
      name: text({ min: 1, max: 200 }).optional(),
      autoAcknowledge: z.boolean().optional(),
      imap: imapInput.nullable().optional().openapi({ description: 'null stops fetching over IMAP' }),
    })
    .strict(),
).openapi('UpdateMailboxInput');

export const mailboxSchema = z
  .object({
    id: z.uuid(),
    address: z.string(),
    name: z.string(),
    autoAcknowledge: z.boolean(),
    inboundSecret: z.string().openapi({
      description: 'Bearer secret for POST /channels/email/{id}/inbound (mail providers that post raw MIME)',
    }),
    unparsed: z.number().int().openapi({ description: 'Mail received that could not be parsed yet' }),
    lastReceivedAt: z.string().nullable(),
    imap: z
      .object({
        host: z.string(),
        port: z.number().int(),
        secure: z.boolean(),
        user: z.string(),
        folder: z.string(),
        uidValidity: z.string().nullable(),
        lastUid: z.number().int(),
        lastPollAt: z.string().nullable(),
        lastSuccessAt: z.string().nullable(),
        lagSeconds: z.number().nullable().openapi({
          description: 'Seconds since the folder was last read to the end; null before the first time',
        }),
        lastError: z.string().nullable(),
      })
      .nullable()
      .openapi('ImapStatus'),
    bouncedAddresses: z
      .array(z.object({ address: z.string(), bounces: z.number().int(), lastBouncedAt: z.string() }))
      .openapi({ description: 'Recipients whose mail from this mailbox bounced, latest first (up to 100)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Mailbox');

export const mailboxListSchema = z.object({ data: z.array(mailboxSchema) }).openapi('MailboxList');

export const mailLogEntrySchema = z
  .object({
    id: z.uuid(),
    receivedAt: z.string(),
    via: z.enum(inboundVias),
    size: z.number().int(),
    sha256: z.string(),
    messageId: z.string().nullable(),
    from: z.string().nullable(),
    subject: z.string().nullable(),
    state: z.enum(inboundStates).openapi({ description: "'received': stored, parsing pending" }),
    conversationId: z.uuid().nullable(),
    messageRef: z.uuid().nullable().openapi({ description: 'The conversation message it became' }),
    flags: z.array(z.string()),
    error: z.string().nullable().openapi({ description: 'Why it is unparsed' }),
  })
  .openapi('MailLogEntry');

export const mailLogSchema = z
  .object({ data: z.array(mailLogEntrySchema), nextCursor: z.string().nullable() })
  .openapi('MailLog');

export const mailLogQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const inboundAcceptedSchema = z
  .object({ id: z.uuid(), sha256: z.string(), receivedAt: z.string() })
  .openapi('InboundAccepted');

export const mailParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  messageId: z.uuid().openapi({ param: { name: 'messageId', in: 'path' } }),
});
