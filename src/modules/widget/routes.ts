import type { Context } from 'hono';
import { createRouter, type AppDeps, type AppEnv } from '../../platform/http/app-env.js';
import { clientAddress } from '../../platform/http/client-address.js';
import { defineRoute, publicAccess, staff, visitor } from '../../platform/http/define-route.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  problem,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { askForHuman, presentHumanRequest } from './ask-for-human.js';
import { offerCallback } from './offer-callback.js';
import { postMessage } from './post-message.js';
import { countRequest, rateLimits, type RateKey } from './rate-limit.js';
import { listVisitorConversations, readMessages } from './read-conversations.js';
import { presentVisitorConversation } from './present-routing.js';
import * as s from './schemas.js';
import { startConversation, presentStarted } from './start-conversation.js';
import { startSession } from './start-session.js';
import { getWidget, updateWidget } from './update-widget.js';
import { asVisitor, visitorsConversation } from './visitor-work.js';
import { widgetConfig } from './widget-config.js';

const tags = ['Chat widget'];
const manage = staff('widget:manage');
const visitorErrors = { ...errorResponses, 429: problem('Too many requests; see Retry-After') };

export function widgetRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();
  const address = (c: Context<AppEnv>) => `ip:${clientAddress(c, deps.config.trustProxy)}`;
  // Every visitor request counts against its visitor and its address; a new session against the address.
  const limit = (c: Context<AppEnv>, ...more: RateKey[]) =>
    countRequest(deps.db, [{ key: address(c), limit: rateLimits.address }, ...more]);
  const visitorCall = async <T, U = T>(
    c: Context<AppEnv>,
    work: Parameters<typeof asVisitor<T, U>>[2],
    present?: Parameters<typeof asVisitor<T, U>>[3],
  ) => {
    const v = c.get('visitor');
    await limit(c, { key: `visitor:${v.workspaceId}:${v.customerId}`, limit: rateLimits.visitor });
    return asVisitor(deps, v, work, present);
  };

  app.openapi(
    defineRoute(manage, {
      operationId: 'getChatWidget',
      summary: "The chat widget's settings (created with its public key on first read)",
      method: 'get',
      path: '/channels/widget',
      tags,
      responses: {
        200: jsonResponse(s.widgetSchema, 'The settings, with the signing secret'),
        ...errorResponses,
      },
    }),
    async (c) => reply(c, s.widgetSchema, await run(c, (ctx) => getWidget(ctx)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'updateChatWidget',
      summary: "Change the chat widget's settings, or rotate its signing secret",
      description: '`rotateSecret: true` issues a new secret; the previous one keeps verifying for 24 hours.',
      method: 'patch',
      path: '/channels/widget',
      tags,
      request: jsonBody(s.updateWidgetBody),
      responses: { 200: jsonResponse(s.widgetSchema, 'The settings'), ...errorResponses },
    }),
    async (c) => reply(c, s.widgetSchema, await run(c, (ctx) => updateWidget(ctx, c.req.valid('json'))), 200),
  );

  app.openapi(
    defineRoute(publicAccess, {
      operationId: 'getWidgetConfig',
      summary: 'What the widget shows first: whose chat, who may use it, whether anyone is there',
      method: 'get',
      path: '/widget/config',
      tags,
      request: { query: s.widgetConfigQuery },
      responses: { 200: jsonResponse(s.widgetConfigSchema, 'The widget'), ...visitorErrors },
    }),
    async (c) => {
      await limit(c);
      return reply(c, s.widgetConfigSchema, await widgetConfig(deps, c.req.valid('query').workspaceKey), 200);
    },
  );

  app.openapi(
    defineRoute(publicAccess, {
      operationId: 'startWidgetSession',
      summary: 'A visitor token, for a customer the site signed or an anonymous visitor',
      description:
        '`signature` = hex HMAC-SHA256(signingSecret, customerId). A wrong signature, or none when the ' +
        'workspace enforces it, is refused with 401 and nothing is stored.',
      method: 'post',
      path: '/widget/sessions',
      tags,
      request: jsonBody(s.sessionBody),
      responses: { 201: jsonResponse(s.sessionSchema, 'The session'), ...visitorErrors },
    }),
    async (c) => {
      await limit(c, { key: `session:${address(c)}`, limit: rateLimits.sessionsPerAddress });
      return reply(c, s.sessionSchema, await startSession(deps, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'listVisitorConversations',
      summary: "The visitor's conversations, newest first",
      method: 'get',
      path: '/widget/conversations',
      tags,
      responses: { 200: jsonResponse(s.visitorConversationListSchema, 'Their history'), ...visitorErrors },
    }),
    async (c) =>
      reply(
        c,
        s.visitorConversationListSchema,
        await visitorCall(c, (ctx) => listVisitorConversations(ctx)),
        200,
      ),
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'startVisitorConversation',
      summary: 'Start a chat with a first message',
      description: 'The same clientId again returns the conversation it started (200), never a second one.',
      method: 'post',
      path: '/widget/conversations',
      tags,
      request: jsonBody(s.visitorMessageBody),
      responses: {
        201: jsonResponse(s.startedConversationSchema, 'Started'),
        200: jsonResponse(s.startedConversationSchema, 'Started before, by the same clientId'),
        ...visitorErrors,
      },
    }),
    async (c) => {
      const started = await visitorCall(
        c,
        (ctx) => startConversation(ctx, c.req.valid('json')),
        presentStarted,
      );
      return reply(c, s.startedConversationSchema, started.conversation, started.created ? 201 : 200);
    },
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'getVisitorConversation',
      summary: 'A conversation of the visitor: status, place in the queue, what to offer',
      method: 'get',
      path: '/widget/conversations/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.visitorConversationSchema, 'The conversation'), ...visitorErrors },
    }),
    async (c) =>
      reply(
        c,
        s.visitorConversationSchema,
        await visitorCall(c, async (ctx) =>
          presentVisitorConversation(ctx, await visitorsConversation(ctx, c.req.valid('param').id)),
        ),
        200,
      ),
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'listVisitorMessages',
      summary: 'Messages after a sequence number, never internal notes',
      method: 'get',
      path: '/widget/conversations/{id}/messages',
      tags,
      request: { params: idParams, query: s.messagesQuery },
      responses: { 200: jsonResponse(s.visitorMessageListSchema, 'In order'), ...visitorErrors },
    }),
    async (c) =>
      reply(
        c,
        s.visitorMessageListSchema,
        await visitorCall(c, (ctx) => readMessages(ctx, c.req.valid('param').id, c.req.valid('query').after)),
        200,
      ),
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'postVisitorMessage',
      summary: 'Send a message',
      description: 'The same clientId again returns the first message (200), never a copy.',
      method: 'post',
      path: '/widget/conversations/{id}/messages',
      tags,
      request: { params: idParams, ...jsonBody(s.visitorMessageBody) },
      responses: {
        201: jsonResponse(s.visitorMessageSchema, 'Sent'),
        200: jsonResponse(s.visitorMessageSchema, 'Sent before, by the same clientId'),
        ...visitorErrors,
      },
    }),
    async (c) => {
      const posted = await visitorCall(c, (ctx) =>
        postMessage(ctx, c.req.valid('param').id, c.req.valid('json')),
      );
      return reply(c, s.visitorMessageSchema, posted.message, posted.created ? 201 : 200);
    },
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'requestVisitorHuman',
      summary: 'Talk to a person: queue the conversation for a human',
      method: 'post',
      path: '/widget/conversations/{id}/human',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.humanRequestSchema, 'Where it now waits'), ...visitorErrors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const answer = await visitorCall(
        c,
        (ctx) => askForHuman(ctx, id),
        (ctx) => presentHumanRequest(ctx, id),
      );
      return reply(c, s.humanRequestSchema, answer, 200);
    },
  );

  app.openapi(
    defineRoute(visitor, {
      operationId: 'requestVisitorCallback',
      summary: 'A callback or an email reply instead of waiting, keeping the place in the queue',
      method: 'post',
      path: '/widget/conversations/{id}/callback',
      tags,
      request: { params: idParams, ...jsonBody(s.visitorCallbackBody) },
      responses: {
        201: jsonResponse(s.visitorPromiseSchema, 'The promise, with its reference'),
        ...visitorErrors,
      },
    }),
    async (c) =>
      reply(
        c,
        s.visitorPromiseSchema,
        await visitorCall(c, (ctx) =>
          offerCallback(ctx, c.req.valid('param').id, c.req.valid('json'), deps.config.sessionSecret),
        ),
        201,
      ),
  );

  return app;
}
