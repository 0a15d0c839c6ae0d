import { z } from '@hono/zod-openapi';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import { defineRoute, staff, webhook } from '../../platform/http/define-route.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { bearerSecretWebhook, twilioSignedWebhook } from '../../platform/http/webhook-verifiers.js';
import { seal, unseal } from '../../platform/access/seal-secret.js';
import { AppError } from '../../platform/errors.js';
import { createLine } from './create-line.js';
import { deleteLine } from './delete-line.js';
import { findLineForUrl } from './find-line.js';
import { getLine, listLines } from './list-lines.js';
import { receiveEvents } from './receive-events.js';
import * as s from './schemas.js';
import { updateLine } from './update-line.js';

const tags = ['Phone'];
const manage = staff('phone:manage');

export function phoneRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();
  const secret = deps.config.sessionSecret;
  // The Twilio auth token is sealed before any operation sees it.
  const sealed = <T extends { twilioAuthToken?: string | null }>({ twilioAuthToken, ...rest }: T) => ({
    ...rest,
    ...(twilioAuthToken === undefined
      ? {}
      : { twilioAuthToken: twilioAuthToken === null ? null : seal(secret, twilioAuthToken) }),
  });
  const lineOf = async (id: string) => {
    const line = await findLineForUrl(deps.db, id);
    if (!line) throw new AppError('PHONE_LINE_NOT_FOUND');
    return line;
  };

  app.openapi(
    defineRoute(manage, {
      operationId: 'createPhoneLine',
      summary: 'Take calls on a number',
      description: 'The answer carries the secret the telephony system posts call events with.',
      method: 'post',
      path: '/channels/phone',
      tags,
      request: jsonBody(s.createLineBody),
      responses: { 201: jsonResponse(s.lineSchema, 'Created, with its secret'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.lineSchema, await run(c, (ctx) => createLine(ctx, sealed(c.req.valid('json')))), 201),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'listPhoneLines',
      summary: 'List the phone lines',
      method: 'get',
      path: '/channels/phone',
      tags,
      responses: { 200: jsonResponse(s.lineListSchema, 'By name'), ...errorResponses },
    }),
    async (c) => reply(c, s.lineListSchema, await run(c, (ctx) => listLines(ctx)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'getPhoneLine',
      summary: 'Read a phone line',
      method: 'get',
      path: '/channels/phone/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.lineSchema, 'The line'), ...errorResponses },
    }),
    async (c) => reply(c, s.lineSchema, await run(c, (ctx) => getLine(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'updatePhoneLine',
      summary: 'Change a phone line, or give it a new secret',
      method: 'patch',
      path: '/channels/phone/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updateLineBody) },
      responses: { 200: jsonResponse(s.lineSchema, 'The line after the change'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.lineSchema,
        await run(c, (ctx) => updateLine(ctx, c.req.valid('param').id, sealed(c.req.valid('json')))),
        200,
      ),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'deletePhoneLine',
      summary: 'Stop taking calls on a number',
      description: 'The calls already received, and their conversations, stay.',
      method: 'delete',
      path: '/channels/phone/{id}',
      tags,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await run(c, (ctx) => deleteLine(ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(
      webhook(
        bearerSecretWebhook({
          secretFor: async (c) => (await findLineForUrl(deps.db, c.req.param('id') ?? ''))?.secret ?? null,
        }),
      ),
      {
        operationId: 'receiveCallEvents',
        summary: 'Receive call events from a telephony system',
        description:
          "Authenticated with the line's secret as a bearer token. The body is one PhoneCallEvent or an array of them; each is recorded once per (call, eventId or content), in any order. Answered 202 once stored and applied.",
        method: 'post',
        path: '/channels/phone/{id}/events',
        tags,
        request: {
          params: idParams,
          body: { required: true, content: { 'application/json': { schema: z.unknown() } } },
        },
        responses: { 202: jsonResponse(s.eventsAcceptedSchema, 'Stored and applied'), ...errorResponses },
      },
    ),
    async (c) => {
      const line = await lineOf(c.req.valid('param').id);
      const body = await c.req.text();
      const done = await receiveEvents(deps, line, {
        via: 'events',
        contentType: c.req.header('content-type'),
        body,
      });
      return c.json(s.eventsAcceptedSchema.parse(done), 202);
    },
  );

  app.openapi(
    defineRoute(
      webhook(
        twilioSignedWebhook({
          secretFor: async (c) => {
            const token = (await findLineForUrl(deps.db, c.req.param('id') ?? ''))?.twilioAuthToken;
            return token ? unseal(secret, token) : null;
          },
        }),
      ),
      {
        operationId: 'receiveTwilioStatus',
        summary: "Receive Twilio's voice status callbacks",
        description:
          "Twilio's form-encoded status callback (CallSid, CallStatus, From, To, Timestamp, Digits, RecordingUrl), checked with X-Twilio-Signature and the line's Twilio auth token, recorded as call events.",
        method: 'post',
        path: '/channels/phone/{id}/twilio',
        tags,
        request: { params: idParams },
        responses: { 202: jsonResponse(s.eventsAcceptedSchema, 'Stored and applied'), ...errorResponses },
      },
    ),
    async (c) => {
      const line = await lineOf(c.req.valid('param').id);
      const body = await c.req.text();
      const done = await receiveEvents(deps, line, {
        via: 'twilio',
        contentType: c.req.header('content-type'),
        body,
      });
      return c.json(s.eventsAcceptedSchema.parse(done), 202);
    },
  );

  return app;
}
