import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ts, workspaceId } from '../../db/columns.js';
import { conversations, messages } from '../conversations/schema.js';
import { workspaces } from '../workspaces/schema.js';

export const inboundVias = ['smtp', 'http', 'imap'] as const;
export type InboundVia = (typeof inboundVias)[number];
/** `received`: stored, waiting for the parsing job; every other state is where the mail went. */
export const inboundStates = [
  'received',
  'threaded',
  'new_conversation',
  'auto_reply',
  'bounce',
  'duplicate',
  'unparsed',
] as const;
export type InboundState = (typeof inboundStates)[number];

// The raw message as bytes: the drivers hand back a Buffer (pg) or a Uint8Array (PGlite).
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array | string }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) =>
    typeof value === 'string'
      ? Buffer.from(value.replace(/^\\x/, ''), 'hex')
      : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export type ImapSettings = { host: string; port: number; secure: boolean; user: string; folder: string };

export const emailMailboxes = pgTable(
  'email_mailboxes',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    // Lower-cased, without a +tag. Unique across all workspaces: the envelope recipient alone
    // decides whose mail it is. A unique index holds across every row whatever row-level security
    // lets one workspace see, so a second workspace claiming the address is refused.
    address: text('address').notNull(),
    name: text('name').notNull(),
    autoAcknowledge: boolean('auto_acknowledge').notNull().default(false),
    // Kept as is (not hashed): the platform's bearer check compares the secret sent with this one,
    // and the administrator copies it into the mail provider's settings.
    inboundSecret: text('inbound_secret').notNull(),
    /** A mailbox hosted elsewhere, fetched over IMAP; null when mail is delivered to us. */
    imap: jsonb('imap').$type<ImapSettings | null>(),
    /** Sealed (AES-256-GCM, see seal-secret.ts), never returned by the API. */
    imapPassword: text('imap_password'),
    // The checkpoint: every UID up to imapLastUid of the folder with imapUidValidity is stored.
    imapUidValidity: text('imap_uid_validity'),
    imapLastUid: bigint('imap_last_uid', { mode: 'number' }).notNull().default(0),
    /** One fetcher per mailbox across every process: it holds this lease while it fetches. */
    imapLeaseUntil: ts('imap_lease_until'),
    imapLastPollAt: ts('imap_last_poll_at'),
    imapLastSuccessAt: ts('imap_last_success_at'),
    imapError: text('imap_error'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_mailboxes_address_key').on(t.address)],
);

/** An address as a mail header named it, lower-cased, with its display name ('' when none). */
export type HeaderAddress = { address: string; name: string };
/** Who a mail was to, copied to and to be answered at: what a reply to it is addressed from. */
export type HeaderAddresses = { replyTo: HeaderAddress[]; to: HeaderAddress[]; cc: HeaderAddress[] };

export type EmailFlag = 'message_id_reused' | 'synthetic_message_id' | 'unknown_charset' | 'linked_reference';

export const emailInbound = pgTable(
  'email_inbound',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    // A deleted mailbox leaves its mail behind: raw messages are the customers' words.
    mailboxId: uuid('mailbox_id').references(() => emailMailboxes.id, { onDelete: 'set null' }),
    via: text('via', { enum: inboundVias }).notNull(),
    /** The envelope recipient (RCPT TO, or the mailbox of the inbound URL). */
    recipient: text('recipient').notNull(),
    /** The envelope sender (MAIL FROM): '' for the null return path `<>`, null when unknown (HTTP). */
    envelopeFrom: text('envelope_from'),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    state: text('state', { enum: inboundStates }).notNull().default('received'),
    // Filled by parsing.
    messageId: text('message_id'),
    bodyHash: text('body_hash'),
    fromAddress: text('from_address'),
    subject: text('subject'),
    /** Every address the mail names (From, To, Cc, Reply-To), lower-cased: who takes part. */
    addresses: text('addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Reply-To, To and Cc as the mail had them, names included; null before parsing. */
    headerAddresses: jsonb('header_addresses').$type<HeaderAddresses>(),
    flags: text('flags')
      .array()
      .$type<EmailFlag[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    error: text('error'),
    duplicateOf: uuid('duplicate_of'),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    messageRef: uuid('message_ref').references(() => messages.id, { onDelete: 'set null' }),
    /** A conversation this mail referred to without threading into it (the sender took no part). */
    linkedConversationId: uuid('linked_conversation_id').references(() => conversations.id, {
      onDelete: 'set null',
    }),
    /** Times parsing was started again by hand after it failed. */
    retries: integer('retries').notNull().default(0),
    /** Why the classifier called it automated, how it threaded: for the administrator reading the log. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('email_inbound_log_idx').on(
      t.mailboxId,
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('email_inbound_message_id_idx').on(t.workspaceId, t.messageId),
    index('email_inbound_conversation_idx').on(t.conversationId),
    index('email_inbound_message_ref_idx').on(t.messageRef),
  ],
);

export const outboundKinds = ['reply', 'acknowledgement'] as const;
/** `outbox`: written to the data folder's outbox, no relay configured. */
export const deliveryStates = ['queued', 'sent', 'failed', 'bounced', 'outbox'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const emailOutbound = pgTable(
  'email_outbound',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    mailboxId: uuid('mailbox_id').references(() => emailMailboxes.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: outboundKinds }).notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    /** The conversation message this mail carries (an agent's reply); null for acknowledgements. */
    messageRef: uuid('message_ref').references(() => messages.id, { onDelete: 'set null' }),
    /** Our Message-ID, in the mailbox's domain, without angle brackets. */
    messageId: text('message_id').notNull(),
    /** The secret in our Reply-To (`support+r-<token>@…`): an answer to it threads here first. */
    replyToken: text('reply_token').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    /** Copied in (Cc), each also an envelope recipient. */
    ccAddresses: text('cc_addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    /** Composed once, so every retry sends the same bytes with the same Message-ID. */
    raw: bytea('raw').notNull(),
    state: text('state', { enum: deliveryStates }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    sentAt: ts('sent_at'),
    bouncedAt: ts('bounced_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_outbound_message_ref_key').on(t.messageRef),
    uniqueIndex('email_outbound_reply_token_key').on(t.replyToken),
    index('email_outbound_message_id_idx').on(t.workspaceId, t.messageId),
    index('email_outbound_recipient_idx').on(t.workspaceId, t.toAddress, t.kind, t.createdAt),
  ],
);

/** An address whose mail bounced: shown on the mailbox, so someone can fix or reach the customer. */
export const emailBouncedAddresses = pgTable(
  'email_bounced_addresses',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    bounces: integer('bounces').notNull().default(1),
    lastOutboundId: uuid('last_outbound_id').references(() => emailOutbound.id, { onDelete: 'set null' }),
    lastBouncedAt: ts('last_bounced_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_bounced_addresses_key').on(t.workspaceId, t.address)],
);

/**
 * A file a mail carried: what it is and whose it is. The bytes are in the blob store under the
 * SHA-256; a file mailed twice is one blob and two rows, each readable only in its workspace.
 */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    inboundId: uuid('inbound_id')
      .notNull()
      .references(() => emailInbound.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    messageRef: uuid('message_ref').references(() => messages.id, { onDelete: 'set null' }),
    /** Its place among the mail's attachments, from 0. */
    position: integer('position').notNull(),
    filename: text('filename'),
    contentType: text('content_type').notNull(),
    /** `attachment` or `inline` (an image the HTML shows), as the mail said. */
    disposition: text('disposition'),
    contentId: text('content_id'),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_attachments_inbound_key').on(t.inboundId, t.position),
    index('email_attachments_message_ref_idx').on(t.messageRef),
  ],
);

export const participantRoles = ['from', 'reply_to', 'to', 'cc'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/**
 * Everyone a conversation's mail came from, was addressed or copied to, or asked answers to go
 * to, with the name they last went by: the people an agent is writing to. Our own mailboxes are
 * left out.
 */
export const emailParticipants = pgTable(
  'email_participants',
  {
    id: id(),
    workspaceId: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    name: text('name').notNull().default(''),
    roles: text('roles').array().$type<ParticipantRole[]>().notNull(),
    firstSeenAt: ts('first_seen_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_participants_key').on(t.conversationId, t.address)],
);
