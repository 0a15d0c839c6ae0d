import { defineRoute, staff } from '../../platform/http/define-route.js';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { addMessage } from './add-message.js';
import { assignConversation } from './assign-conversation.js';
import { changePriority } from './change-priority.js';
import { changeStatus } from './change-status.js';
import { loadConversation, present, withEnrichment, withEnrichments } from './conversation-row.js';
import { startOrJoin } from './start-or-join.js';
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
    defineRoute(staff('conversations:write'), {
      operationId: 'createConversation',
      summary: 'Start a conversation with its first message',
      description:
        "A customer's message that quotes one of that customer's promises (its reference) continues the " +
        "promise's conversation instead (answered with it), reopening it if needed; another customer's " +
        'reference never does.',
      method: 'post',
      path: '/conversations',
      tags,
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
        await run(
          c,
          (ctx) => startOrJoin(ctx, c.req.valid('json')),
          // A joined conversation is read again: other modules' reactions to the message (its
          // promise's owner taking it) have run by now.
          async (ctx, started) =>
            withEnrichment(ctx, started.joined ? present(await loadConversation(ctx, started.id)) : started),
        ),
        201,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:read'), {
      operationId: 'listConversations',
      summary: 'List conversations, most recent activity first',
      method: 'get',
      path: '/conversations',
      tags,
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
        await run(
          c,
          (ctx) => listConversations(ctx, c.req.valid('query')),
          async (ctx, page) => ({ ...page, data: await withEnrichments(ctx, page.data) }),
        ),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:read'), {
      operationId: 'getConversation',
      summary: 'Read a conversation with messages and timeline',
      method: 'get',
      path: '/conversations/{id}',
      tags,
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
        await run(c, (ctx) => getConversation(ctx, c.req.valid('param').id), withEnrichment),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:write'), {
      operationId: 'addMessage',
      summary: 'Add a message or internal note',
      method: 'post',
      path: '/conversations/{id}/messages',
      tags,
      request: { params: idParams, ...jsonBody(s.addMessageBody) },
      responses: { 201: jsonResponse(s.messageSchema, 'Added'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.messageSchema,
        await run(c, (ctx) => addMessage(ctx, c.req.valid('param').id, c.req.valid('json'), { last: true })),
        201,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:assign'), {
      operationId: 'assignConversation',
      summary: 'Assign to a member, or unassign',
      method: 'post',
      path: '/conversations/{id}/assign',
      tags,
      request: { params: idParams, ...jsonBody(s.assignBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(
          c,
          (ctx) => assignConversation(ctx, c.req.valid('param').id, c.req.valid('json').userId),
          withEnrichment,
        ),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:assign'), {
      operationId: 'transferConversation',
      summary: 'Hand over to a team or person with a note',
      method: 'post',
      path: '/conversations/{id}/transfer',
      tags,
      description: 'Hand over to a team or a person. A handover note is required; verification stays valid.',
      request: { params: idParams, ...jsonBody(s.transferBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(
          c,
          (ctx) => transferConversation(ctx, c.req.valid('param').id, c.req.valid('json')),
          withEnrichment,
        ),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:write'), {
      operationId: 'changeConversationStatus',
      summary: 'Change the status',
      method: 'post',
      path: '/conversations/{id}/status',
      tags,
      request: { params: idParams, ...jsonBody(s.statusBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(
          c,
          (ctx) => changeStatus(ctx, c.req.valid('param').id, c.req.valid('json').status),
          withEnrichment,
        ),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:write'), {
      operationId: 'changeConversationPriority',
      summary: 'Change the priority',
      description:
        'Moves the conversation to its new place in its queue (most urgent first, then by arrival) and chooses its service-level policy again.',
      method: 'post',
      path: '/conversations/{id}/priority',
      tags,
      request: { params: idParams, ...jsonBody(s.priorityBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(
          c,
          (ctx) => changePriority(ctx, c.req.valid('param').id, c.req.valid('json').priority),
          withEnrichment,
        ),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:write'), {
      operationId: 'verifyCustomerIdentity',
      summary: "Record that the customer's identity was verified",
      method: 'post',
      path: '/conversations/{id}/verify',
      tags,
      description:
        "Record that the customer's identity was verified, and how. Valid for the rest of the conversation.",
      request: { params: idParams, ...jsonBody(s.verifyBody) },
      responses: updated,
    }),
    async (c) =>
      reply(
        c,
        s.conversationSchema,
        await run(
          c,
          (ctx) => verifyIdentity(ctx, c.req.valid('param').id, c.req.valid('json')),
          withEnrichment,
        ),
        200,
      ),
  );

  return app;
}
