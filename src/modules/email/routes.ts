import { z } from '@hono/zod-openapi';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import { defineRoute, staff, webhook } from '../../platform/http/define-route.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  problem,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { bearerSecretWebhook } from '../../platform/http/webhook-verifiers.js';
import { AppError } from '../../platform/errors.js';
import { createMailbox } from './create-mailbox.js';
import { deleteMailbox } from './delete-mailbox.js';
import { findMailboxForInboundUrl } from './find-mailbox.js';
import { blobStoreFor } from './blob-store-for.js';
import { contentDisposition, getAttachment, servedContentType } from './get-attachment.js';
import { getRaw } from './get-raw.js';
import { imapColumns } from './imap-columns.js';
import { listMailLog } from './list-mail-log.js';
import { getMailbox, listMailboxes } from './list-mailboxes.js';
import { retryInbound } from './retry-inbound.js';
import * as s from './schemas.js';
import { storeInbound } from './store-inbound.js';
import { updateMailbox } from './update-mailbox.js';

const tags = ['Email'];
const manage = staff('email:manage');

export function emailRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();
  // The IMAP password is sealed before any operation sees it.
  const sealed = <T extends { imap?: Parameters<typeof imapColumns>[0] }>({ imap, ...rest }: T) => ({
    ...rest,
    ...imapColumns(imap, deps.config.sessionSecret),
  });

  app.openapi(
    defineRoute(manage, {
      operationId: 'createMailbox',
      summary: 'Receive email at an address',
      description:
        'The address belongs to this workspace alone; plus-addressing (support+anything@) reaches the same mailbox.',
      method: 'post',
      path: '/channels/email',
      tags,
      request: jsonBody(s.createMailboxBody),
      responses: {
        201: jsonResponse(s.mailboxSchema, 'Created, with its inbound secret'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(c, s.mailboxSchema, await run(c, (ctx) => createMailbox(ctx, sealed(c.req.valid('json')))), 201),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'listMailboxes',
      summary: 'List the mailboxes',
      method: 'get',
      path: '/channels/email',
      tags,
      responses: { 200: jsonResponse(s.mailboxListSchema, 'By address'), ...errorResponses },
    }),
    async (c) => reply(c, s.mailboxListSchema, await run(c, (ctx) => listMailboxes(ctx)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'getMailbox',
      summary: 'Read a mailbox, with its unparsed count and last mail received',
      method: 'get',
      path: '/channels/email/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.mailboxSchema, 'The mailbox'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.mailboxSchema, await run(c, (ctx) => getMailbox(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'updateMailbox',
      summary: 'Change a mailbox',
      method: 'patch',
      path: '/channels/email/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updateMailboxBody) },
      responses: { 200: jsonResponse(s.mailboxSchema, 'The mailbox after the change'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.mailboxSchema,
        await run(c, (ctx) => updateMailbox(ctx, c.req.valid('param').id, sealed(c.req.valid('json')))),
        200,
      ),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'deleteMailbox',
      summary: 'Stop receiving at an address',
      description: 'The mail already received, and the conversations it became, stay.',
      method: 'delete',
      path: '/channels/email/{id}',
      tags,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await run(c, (ctx) => deleteMailbox(ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'listMailLog',
      summary: 'Every mail the mailbox received, newest first, and where it went',
      method: 'get',
      path: '/channels/email/{id}/messages',
      tags,
      request: { params: idParams, query: s.mailLogQuery },
      responses: { 200: jsonResponse(s.mailLogSchema, 'Newest first'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.mailLogSchema,
        await run(c, (ctx) => listMailLog(ctx, c.req.valid('param').id, c.req.valid('query'))),
        200,
      ),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'retryMail',
      summary: 'Parse an unparsed mail again',
      method: 'post',
      path: '/channels/email/{id}/messages/{messageId}/retry',
      tags,
      request: { params: s.mailParams },
      responses: { 202: jsonResponse(s.mailLogEntrySchema, 'Queued for parsing'), ...errorResponses },
    }),
    async (c) => {
      const { id, messageId } = c.req.valid('param');
      const entry = await run(c, (ctx) => retryInbound(ctx, id, messageId));
      return c.json(s.mailLogEntrySchema.parse(JSON.parse(JSON.stringify(entry))), 202);
    },
  );

  app.openapi(
    defineRoute(
      webhook(
        bearerSecretWebhook({
          secretFor: async (c) =>
            (await findMailboxForInboundUrl(deps.db, c.req.param('id') ?? ''))?.inboundSecret ?? null,
        }),
      ),
      {
        operationId: 'receiveMail',
        summary: 'Receive one raw email (for mail providers that post MIME)',
        description:
          "Authenticated with the mailbox's inboundSecret as a bearer token. Answered 202 only once the raw message is stored.",
        method: 'post',
        path: '/channels/email/{id}/inbound',
        tags,
        request: {
          params: idParams,
          body: {
            required: true,
            content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } },
          },
        },
        responses: {
          202: jsonResponse(s.inboundAcceptedSchema, 'Stored; parsing follows'),
          ...errorResponses,
          413: problem('Larger than EARSHOT_MAIL_MAX_BYTES'),
        },
      },
    ),
    async (c) => {
      const mailbox = await findMailboxForInboundUrl(deps.db, c.req.valid('param').id);
      if (!mailbox) throw new AppError('MAILBOX_NOT_FOUND');
      const raw = Buffer.from(await c.req.arrayBuffer());
      if (!raw.length) throw new AppError('VALIDATION_FAILED', { message: 'The message is empty' });
      if (raw.length > deps.config.mailMaxBytes) {
        throw new AppError('EMAIL_TOO_LARGE', {
          message: `Mail is limited to ${deps.config.mailMaxBytes} bytes`,
        });
      }
      const stored = await storeInbound(deps, mailbox, { raw, via: 'http', recipient: mailbox.address });
      return c.json(
        s.inboundAcceptedSchema.parse({ ...stored, receivedAt: stored.receivedAt.toISOString() }),
        202,
      );
    },
  );

  app.openapi(
    defineRoute(staff('conversations:read'), {
      operationId: 'getRawMessage',
      summary: 'The exact bytes an email arrived as',
      description: 'By the id of the conversation message it became, or of its mail log entry.',
      method: 'get',
      path: '/messages/{id}/raw',
      tags,
      request: { params: idParams },
      responses: {
        200: {
          description: 'The message as received',
          content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const found = await run(c, (ctx) => getRaw(ctx, c.req.valid('param').id));
      return c.body(new Uint8Array(found.raw), 200, {
        'content-type': 'message/rfc822',
        'content-disposition': `attachment; filename="${found.id}.eml"`,
      });
    },
  );

  app.openapi(
    defineRoute(staff('conversations:read'), {
      operationId: 'getAttachment',
      summary: 'Download a file an email carried',
      description:
        "By the id listed in a message's `attachments`. Always served as a download (Content-Disposition: attachment, X-Content-Type-Options: nosniff), never shown in place.",
      method: 'get',
      path: '/attachments/{id}',
      tags,
      request: { params: idParams },
      responses: {
        200: {
          description: 'The file as the mail carried it, decoded',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const attachment = await run(c, (ctx) => getAttachment(ctx, c.req.valid('param').id));
      const blob = await blobStoreFor(deps.config).read(attachment.sha256);
      if (!blob) {
        deps.logger.error({ attachmentId: attachment.id }, 'attachment bytes missing from the blob store');
        throw new AppError('EMAIL_ATTACHMENT_NOT_FOUND', {
          message: 'The file is listed but its bytes are missing',
        });
      }
      return c.body(blob.stream, 200, {
        'content-type': servedContentType(attachment.contentType),
        'content-length': String(blob.size),
        'content-disposition': contentDisposition(
          attachment.filename,
          `attachment-${attachment.position + 1}`,
        ),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    },
  );

  return app;
}
