import { z } from '@hono/zod-openapi';
import { channels, conversationStatuses, messageRoles, priorities } from './schema.js';
import { isStorableText, text, unstorableTextMessage } from '../../platform/http/input-schemas.js';
import { eachSkillOnce, skillLevelSchema, skillNameSchema } from '../workspaces/index.js';

const messageText = text({ min: 1, max: 50_000 });

export const skillRequirementsSchema = z
  .array(
    z
      .object({
        skill: skillNameSchema,
        minLevel: skillLevelSchema.default(1),
        preferred: z.boolean().default(false).openapi({
          description:
            "Wanted rather than needed: agents who have it are waited for, up to the team's preferredSkillsWaitSeconds",
        }),
      })
      .strict(),
  )
  .max(20)
  .superRefine(eachSkillOnce)
  .openapi('SkillRequirements', {
    description:
      'Skills the conversation needs: only agents with each required one at minLevel or above are offered it',
  });

export const createConversationBody = z
  .object({
    customerId: z.uuid(),
    channel: z.enum(channels),
    subject: text({ max: 300 }).optional(),
    priority: z.enum(priorities).optional(),
    teamId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    skills: skillRequirementsSchema.optional(),
    message: z
      .object({
        text: messageText,
        role: z.enum(['customer', 'agent', 'bot']).default('customer').openapi({
          description: "'bot': a bot writing as itself; never counts as a human's reply",
        }),
      })
      .strict(),
  })
  .strict()
  .openapi('CreateConversationInput');

export const addMessageBody = z
  .object({
    role: z.enum(['agent', 'customer', 'bot']).openapi({
      description:
        "'customer' needs the conversations:impersonate-customer permission (an integration's key). 'bot': a bot writing as itself; neither it nor an 'agent' message sent with an automation key counts as a human's reply",
    }),
    text: messageText,
    internal: z
      .boolean()
      .optional()
      .openapi({ description: 'An internal note: visible to the team, never to the customer' }),
  })
  .strict()
  .refine((m) => !(m.internal && m.role === 'customer'), {
    message: 'only agents write internal notes',
    path: ['internal'],
  })
  .openapi('AddMessageInput');

export const assignBody = z.object({ userId: z.uuid().nullable() }).strict();

export const transferBody = z
  .object({
    teamId: z.uuid().optional(),
    userId: z.uuid().optional(),
    skills: skillRequirementsSchema.optional().openapi({ description: 'Replaces the skills it needs' }),
    note: z
      .string({ error: 'a handover note is required' })
      .trim()
      .min(1, 'a handover note is required')
      .max(5_000)
      .refine(isStorableText, unstorableTextMessage),
  })
  .strict()
  .refine((t) => t.teamId || t.userId, { message: 'transfer to a teamId or a userId', path: ['teamId'] })
  .openapi('TransferInput');

export const statusBody = z.object({ status: z.enum(conversationStatuses) }).strict();

export const priorityBody = z
  .object({ priority: z.enum(priorities) })
  .strict()
  .openapi('PriorityInput');

export const verifyBody = z
  .object({
    method: text({ min: 1, max: 64 }).openapi({ example: 'security_questions' }),
    note: text({ max: 1_000 }).optional(),
  })
  .strict();

export const listConversationsQuery = z
  .object({
    status: z.enum(conversationStatuses).optional(),
    channel: z.enum(channels).optional(),
    priority: z.enum(priorities).optional(),
    assigneeId: z.uuid().optional(),
    unassigned: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .openapi({ description: 'true: only conversations nobody is assigned to' }),
    teamId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    ids: z
      .string()
      .max(200 * 37)
      .transform((v, ctx) => {
        const ids = v.split(',').filter(Boolean);
        if (ids.length > 200 || ids.some((id) => !z.uuid().safeParse(id).success)) {
          ctx.addIssue({ code: 'custom', message: 'must be up to 200 conversation ids, comma-separated' });
          return z.NEVER;
        }
        return ids;
      })
      .optional()
      .openapi({
        description: 'Only these conversations (comma-separated ids): rows for a list made elsewhere',
      }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const verificationSchema = z
  .object({ method: z.string(), verifiedAt: z.string(), verifiedBy: z.uuid().nullable() })
  .nullable()
  .openapi('Verification');

const emailHeadersSchema = z
  .object({
    messageId: z.string(),
    from: z.string().nullable(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string().nullable(),
    inReplyTo: z.string().nullable(),
    date: z.string().nullable().optional().openapi({
      description: "The mail's Date header (ISO 8601): when it was written, however late it arrived",
    }),
    replyTo: z.string().optional().openapi({
      description: "Where answers go: on a customer's mail, its Reply-To; on mail we sent, our reply address",
    }),
  })
  .openapi('EmailHeaders');

const deliverySchema = z
  .object({
    state: z.enum(['queued', 'sent', 'failed', 'bounced', 'outbox']).openapi({
      description: "'outbox': written to the data folder's outbox (no relay configured)",
    }),
    at: z.string().optional(),
    attempts: z.number().int().optional(),
    error: z.string().optional(),
  })
  .openapi('Delivery');

const attachmentSchema = z
  .object({
    id: z.uuid().openapi({ description: 'Download it at GET /attachments/{id}' }),
    filename: z.string().nullable(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  })
  .openapi('Attachment');

// What a review or social mention carried (the reviews module writes it): stars, author, reach.
const reviewOnMessageSchema = z
  .object({
    itemId: z.uuid(),
    sourceId: z.uuid().optional(),
    sourceName: z.string().optional(),
    source: z.string().optional(),
    externalId: z.string().optional(),
    author: z
      .object({
        handle: z.string(),
        name: z.string().nullable(),
        url: z.string().nullable(),
        followers: z.number().int().nullable(),
      })
      .optional(),
    rating: z.number().nullable().optional(),
    ratingScale: z.number().int().optional(),
    rating5: z.number().nullable().optional().openapi({ description: 'The rating on a 5 scale' }),
    reach: z.number().int().optional(),
    url: z.string().nullable().optional(),
    postedAt: z.string().optional(),
    version: z.number().int().optional(),
    edit: z
      .object({ fromVersion: z.number().int(), ratingBefore: z.number().nullable(), textBefore: z.string() })
      .optional()
      .openapi({ description: 'This message is an edit of the review: what it said before' }),
    recovered: z
      .object({ from: z.number().nullable(), to: z.number().nullable() })
      .optional()
      .openapi({ description: 'The rating was raised after the follow-up' }),
  })
  .openapi('ReviewOnMessage');

export const messageSchema = z
  .object({
    id: z.uuid(),
    role: z.enum(messageRoles),
    authorId: z.uuid().nullable(),
    text: z
      .string()
      .openapi({ description: "For an email, the customer's new text, without quoted history" }),
    internal: z.boolean(),
    seq: z
      .number()
      .int()
      .openapi({ description: 'Its place in the conversation: 1 for the first message, then 2, 3, …' }),
    clientId: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "The sender's idempotency key (a chat widget's), if it sent one" }),
    createdAt: z.string(),
    // What an email carried, for messages that came as email.
    email: emailHeadersSchema.optional(),
    fullText: z.string().optional().openapi({ description: 'The whole text, quoted history included' }),
    html: z.string().optional().openapi({ description: 'Sanitised on the server; remote images held back' }),
    attachments: z.array(attachmentSchema).optional(),
    autoReply: z.boolean().optional().openapi({ description: 'An automatic answer (an out-of-office)' }),
    delivery: deliverySchema
      .optional()
      .openapi({ description: 'For a reply sent by its channel (email): what became of it' }),
    review: reviewOnMessageSchema.optional(),
    proposal: z
      .object({
        kind: z
          .string()
          .openapi({ description: "Why: 'apology' for a broken promise, 'renewal' for an expired quote" }),
        promiseId: z.uuid().optional(),
        reference: z.string().optional(),
      })
      .optional()
      .openapi({
        description:
          'A draft Earshot proposes (an internal note, never sent): a member sends it as their reply or not',
      }),
  })
  .openapi('Message');

export const timelineEntrySchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    note: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEntry');

export const routingSchema = z
  .object({
    state: z.enum(['queued', 'offered', 'assigned']),
    teamId: z.uuid().nullable(),
    agentId: z.uuid().nullable().openapi({ description: 'The agent it is offered or assigned to' }),
    enqueuedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it started waiting in a queue; null if it went straight to a person' }),
    position: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '1 = next to be offered; null unless queued' }),
    estimatedWait: z
      .object({ minSeconds: z.number().int(), maxSeconds: z.number().int() })
      .nullable()
      .openapi({ description: "From the queue's recent time to first human; null unless queued" }),
    skills: skillRequirementsSchema,
  })
  .openapi('ConversationRouting');

export const slaSchema = z
  .object({
    policyId: z.uuid().nullable().openapi({ description: 'The policy in force; null once none applies' }),
    targets: z.array(
      z.object({
        kind: z.enum(['firstHumanResponse', 'nextResponse', 'resolution']),
        status: z.enum(['active', 'met', 'breached', 'paused']),
        dueAt: z.string().nullable().openapi({ description: 'In working time; null while paused' }),
        startedAt: z.string(),
        remainingSeconds: z
          .number()
          .int()
          .nullable()
          .openapi({ description: 'While paused: the working seconds left' }),
      }),
    ),
  })
  .openapi('ConversationSla');

export const conversationEmailSchema = z
  .object({
    participants: z
      .array(
        z.object({
          address: z.string(),
          name: z.string().openapi({ description: "The display name the mail gave; '' when none" }),
          roles: z
            .array(z.enum(['from', 'reply_to', 'to', 'cc']))
            .openapi({ description: 'How the mails named them' }),
          bounced: z.boolean().openapi({ description: 'Mail to this address bounced; it is not written to' }),
        }),
      )
      .openapi({
        description: 'Everyone the mails came from, were addressed or copied to (our mailboxes left out)',
      }),
  })
  .openapi('ConversationEmail');

export const conversationSchema = z
  .object({
    id: z.uuid(),
    displayId: z.number().int(),
    customerId: z.uuid(),
    channel: z.enum(channels),
    status: z.enum(conversationStatuses),
    priority: z.enum(priorities),
    subject: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    verification: verificationSchema,
    messageCount: z.number().int(),
    lastActivityAt: z.string(),
    firstHumanReplyAt: z.string().nullable(),
    lastHumanReplyAt: z.string().nullable(),
    customerWaitingSince: z.string().nullable().openapi({
      description: "The customer's first message since a member last answered; null when answered",
    }),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    // Filled by the routing module through an enrichment (src/platform/enrichment); declared here
    // so the document shows it, and null when the conversation waits in no queue.
    routing: routingSchema.nullable().optional(),
    // Filled by the service-levels module: the latest clock of each kind; null when no policy applies.
    sla: slaSchema.nullable().optional(),
    // Filled by the email module the same way; null for a conversation no mail took part in.
    email: conversationEmailSchema.nullable().optional(),
  })
  .openapi('Conversation');

export const conversationDetailSchema = conversationSchema
  .extend({
    customer: z.object({
      id: z.uuid(),
      name: z.string(),
      identities: z.array(z.object({ type: z.string(), displayValue: z.string() })),
    }),
    handover: z
      .object({
        note: z.string(),
        from: z.record(z.string(), z.unknown()),
        to: z.record(z.string(), z.unknown()),
        at: z.string(),
      })
      .nullable(),
    messages: z.array(messageSchema),
    timeline: z.array(timelineEntrySchema),
  })
  .openapi('ConversationDetail');

export const conversationListItemSchema = conversationSchema
  .extend({ customerName: z.string().openapi({ description: "The customer's name, for the inbox row" }) })
  .openapi('ConversationListItem');

export const conversationListSchema = z
  .object({ data: z.array(conversationListItemSchema), nextCursor: z.string().nullable() })
  .openapi('ConversationList');
