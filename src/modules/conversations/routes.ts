import { createRoute } from '@hono/zod-openapi';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
  secured,
} from '../../platform/http/route-helpers.js';
import { addMessage } from './add-message.js';
import { assignConversation } from './assign-conversation.js';
import { changeStatus } from './change-status.js';
import { createConversation } from './create-conversation.js';
import { getConversation } from './get-conversation.js';
import { listConversations } from './list-conversations.js';
import * as s from './schemas.js';
import { transferConversation } from './transfer-conversation.js';
import { verifyIdentity } from './verify-identity.js';

const tags = ['Conversations'];
const updated = {
  200: jsonResponse(s.conversationSchema, 'The conversation after the change'),
  ...errorResponses,
};

export function conversationRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations',
      tags,
      ...secured,
      request: jsonBody(s.createConversationBody),
      responses: {
        201: jsonResponse(s.conversationSchema, 'Created with its first message'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(c, 'conversations:write', (ctx) => createConversation(ctx, c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations',
      tags,
      ...secured,
      request: { query: s.listConversationsQuery },
      responses: {
        200: jsonResponse(s.conversationListSchema, 'Most recent activity first'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.conversationListSchema,
        await run(c, 'conversations:read', (ctx) => listConversations(ctx, c.req.valid('query'))),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{id}',
      tags,
      ...secured,
      request: { params: idParams },
      responses: {
        200: jsonResponse(
          s.conversationDetailSchema,
          'With messages, timeline, verification and the last handover',
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.conversationDetailSchema,
        await run(c, 'conversations:read', (ctx) => getConversation(ctx, c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/messages',
      tags,
      ...secured,
      request: { params: idParams, ...jsonBody(s.addMessageBody) },
      responses: { 201: jsonResponse(s.messageSchema, 'Added'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.messageSchema,
        await run(c, 'conversations:write', (ctx) =>
          addMessage(ctx, c.req.valid('param').id, c.req.valid('json')),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/assign',
      tags,
      ...secured,
      request: { params: idParams, ...jsonBody(s.assignBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(c, 'conversations:assign', (ctx) =>
          assignConversation(ctx, c.req.valid('param').id, c.req.valid('json').userId),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/transfer',
      tags,
      ...secured,
      description: 'Hand over to a team or a person. A handover note is required; verification stays valid.',
      request: { params: idParams, ...jsonBody(s.transferBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(c, 'conversations:assign', (ctx) =>
          transferConversation(ctx, c.req.valid('param').id, c.req.valid('json')),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/status',
      tags,
      ...secured,
      request: { params: idParams, ...jsonBody(s.statusBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(c, 'conversations:write', (ctx) =>
          changeStatus(ctx, c.req.valid('param').id, c.req.valid('json').status),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/verify',
      tags,
      ...secured,
      description:
        "Record that the customer's identity was verified, and how. Valid for the rest of the conversation.",
      request: { params: idParams, ...jsonBody(s.verifyBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(c, 'conversations:write', (ctx) =>
          verifyIdentity(ctx, c.req.valid('param').id, c.req.valid('json')),
        ),
        200,
      ),
  );

  return app;
}
