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
import { setPresence } from './presence.js';
import { timeToFirstHuman } from './report.js';
import * as s from './schemas.js';

const presenceResponses = { 200: jsonResponse(s.presenceSchema, 'Presence set'), ...errorResponses };

export function routingRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    defineRoute(staff('presence:own'), {
      operationId: 'setMyPresence',
      summary: 'Set your own presence (repeat it as a heartbeat)',
      description:
        'online, away or offline. Repeat at least every 30 seconds while online: an agent not seen for 45 seconds becomes away. Going away or offline returns unanswered offers to their queues with their original place.',
      method: 'put',
      path: '/me/presence',
      tags: ['Routing'],
      request: jsonBody(s.presenceBody),
      responses: presenceResponses,
    }),
    async (c) => {
      const { status } = c.req.valid('json');
      const result = await run(c, (ctx) => {
        if (!ctx.actor.userId) throw new AppError('FORBIDDEN', { message: 'Only a member has a presence' });
        return setPresence(ctx, ctx.actor.userId, status);
      });
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
