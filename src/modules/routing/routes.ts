import { defineRoute, staff } from '../../platform/http/define-route.js';
import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import { AppError } from '../../platform/errors.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { addLiveRoutingRoute } from './live-view.js';
import { heartbeat, setPresence } from './presence.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { timeToFirstHuman } from './report.js';
import * as s from './schemas.js';

const memberOf = (ctx: WorkContext) => {
  if (!ctx.actor.userId) throw new AppError('FORBIDDEN', { message: 'Only a member has a presence' });
  return ctx.actor.userId;
};

const presenceResponses = { 200: jsonResponse(s.presenceSchema, 'Presence set'), ...errorResponses };

export function routingRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    defineRoute(staff('presence:own'), {
      operationId: 'setMyPresence',
      summary: 'Set your own presence (repeat it as a heartbeat)',
      description:
        'online, away or offline. Going away or offline returns unanswered offers to their queues with their original place. While online, show a sign of life at least every 30 seconds (this PUT again, POST /me/heartbeat, or an open realtime socket): an agent not seen for 45 seconds becomes away within the next 10.',
      method: 'put',
      path: '/me/presence',
      tags: ['Routing'],
      request: jsonBody(s.presenceBody),
      responses: presenceResponses,
    }),
    async (c) => {
      const { status } = c.req.valid('json');
      const result = await run(c, (ctx) => setPresence(ctx, memberOf(ctx), status));
      return reply(c, s.presenceSchema, result, 200);
    },
  );

  app.openapi(
    defineRoute(staff('presence:own'), {
      operationId: 'heartbeat',
      summary: 'Show you are still there',
      description:
        'Marks you seen without changing your presence. While online, send it (or keep a realtime socket open) at least every 30 seconds: an agent not seen for 45 seconds becomes away, and their unanswered offers return to their queues with their original place.',
      method: 'post',
      path: '/me/heartbeat',
      tags: ['Routing'],
      responses: { 200: jsonResponse(s.presenceSchema, 'Seen'), ...errorResponses },
    }),
    async (c) => {
      const result = await run(c, (ctx) => heartbeat(ctx, memberOf(ctx)));
      return reply(c, s.presenceSchema, result, 200);
    },
  );

  app.openapi(
    defineRoute(staff('presence:manage'), {
      operationId: 'setPresence',
      summary: "Set a member's presence",
      method: 'put',
      path: '/users/{id}/presence',
      tags: ['Routing'],
      request: { params: idParams, ...jsonBody(s.presenceBody) },
      responses: presenceResponses,
    }),
    async (c) =>
      reply(
        c,
        s.presenceSchema,
        await run(c, (ctx) => setPresence(ctx, c.req.valid('param').id, c.req.valid('json').status)),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('routing:reports'), {
      operationId: 'timeToFirstHuman',
      summary: 'Time from the customer’s first message to a human’s first reply',
      description:
        'From daily rollups: bots and automatic acknowledgements never count; a wait closed with no human counts as abandoned.',
      method: 'get',
      path: '/reports/time-to-first-human',
      tags: ['Reports'],
      request: { query: s.firstHumanQuery },
      responses: { 200: jsonResponse(s.firstHumanReport, 'The figures'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.firstHumanReport, await run(c, (ctx) => timeToFirstHuman(ctx, c.req.valid('query'))), 200),
  );

  addLiveRoutingRoute(app, run);

  return app;
}
