import { createRouter, type AppDeps } from '../../platform/http/app-env.js';
import { defineRoute, staff } from '../../platform/http/define-route.js';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  reply,
  scopedRunner,
} from '../../platform/http/route-helpers.js';
import { cancelPromise } from './cancel-promise.js';
import { conversationPromises } from './conversation-promises.js';
import { createPromise } from './create-promise.js';
import { keepPromise } from './keep-promise.js';
import { listAlerts } from './list-alerts.js';
import { listPromises } from './list-promises.js';
import { listAttempts, recordAttempt } from './record-attempt.js';
import { requestCallback } from './request-callback.js';
import { lookupPromise } from './lookup-promise.js';
import { loadPromise, presentPromise } from './promise-row.js';
import type { PromiseRow } from './schema.js';
import * as s from './schemas.js';

const tags = ['Promises'];
const one = (description: string) => ({ 200: jsonResponse(s.promiseSchema, description), ...errorResponses });

export function promiseRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const show = (row: PromiseRow) => presentPromise(row, deps.config.sessionSecret);
  const app = createRouter();

  app.openapi(
    defineRoute(staff('promises:write'), {
      operationId: 'createPromise',
      summary: 'Record a promise made to a customer',
      description:
        'A quote, coupon, callback or follow-up, owned by a member and due at a time or in a window. ' +
        'It becomes broken if still open 15 minutes after it is due; its owner is reminded an hour before.',
      method: 'post',
      path: '/promises',
      tags,
      request: jsonBody(s.createPromiseBody),
      responses: { 201: jsonResponse(s.promiseSchema, 'Open, with its reference'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => createPromise(ctx, c.req.valid('json')));
      return reply(c, s.promiseSchema, show(row), 201);
    },
  );

  app.openapi(
    defineRoute(staff('promises:read'), {
      operationId: 'listPromises',
      summary: 'List promises, newest first',
      method: 'get',
      path: '/promises',
      tags,
      request: { query: s.listPromisesQuery },
      responses: { 200: jsonResponse(s.promiseListSchema, 'Newest first'), ...errorResponses },
    }),
    async (c) => {
      const page = await run(c, (ctx) => listPromises(ctx, c.req.valid('query')));
      return reply(c, s.promiseListSchema, { ...page, data: page.data.map(show) }, 200);
    },
  );

  // Before /promises/{id}, which would otherwise take "lookup" for an id.
  app.openapi(
    defineRoute(staff('promises:read'), {
      operationId: 'lookupPromise',
      summary: 'Find a promise by its reference',
      description:
        'Accepts the letters form or the keypad digits, in any case and with any separators. ' +
        'A reference whose check character is wrong matches nothing.',
      method: 'get',
      path: '/promises/lookup',
      tags,
      request: { query: s.lookupQuery },
      responses: one('The promise with this reference'),
    }),
    async (c) => {
      const row = await run(c, (ctx) => lookupPromise(ctx, c.req.valid('query').reference));
      return reply(c, s.promiseSchema, show(row), 200);
    },
  );

  app.openapi(
    defineRoute(staff('promises:read'), {
      operationId: 'getPromise',
      summary: 'Read a promise',
      method: 'get',
      path: '/promises/{id}',
      tags,
      request: { params: idParams },
      responses: one('The promise'),
    }),
    async (c) => {
      const row = await run(c, (ctx) => loadPromise(ctx, c.req.valid('param').id));
      return reply(c, s.promiseSchema, show(row), 200);
    },
  );

  // A member closes an open promise: kept, or cancelled (made in error, or agreed with the customer).
  const closings = [
    {
      action: 'kept',
      operationId: 'keepPromise',
      summary: 'Record that an open promise was kept',
      close: keepPromise,
    },
    {
      action: 'cancel',
      operationId: 'cancelPromise',
      summary: 'Cancel an open promise',
      close: cancelPromise,
    },
  ] as const;
  for (const { action, operationId, summary, close } of closings) {
    app.openapi(
      defineRoute(staff('promises:write'), {
        operationId,
        summary,
        method: 'post',
        path: `/promises/{id}/${action}`,
        tags,
        request: { params: idParams },
        responses: one('The promise, closed'),
      }),
      async (c) => {
        const row = await run(c, (ctx) => close(ctx, c.req.valid('param').id));
        return reply(c, s.promiseSchema, show(row), 200);
      },
    );
  }

  app.openapi(
    defineRoute(staff('promises:read'), {
      operationId: 'listConversationPromises',
      summary: "A conversation's open promises",
      description: 'Soonest to break first. Shown beside the conversation by clients.',
      method: 'get',
      path: '/conversations/{id}/promises',
      tags,
      request: { params: idParams },
      responses: {
        200: jsonResponse(s.conversationPromisesSchema, 'Open promises, soonest first'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const rows = await run(c, (ctx) => conversationPromises(ctx, c.req.valid('param').id));
      return reply(c, s.conversationPromisesSchema, { data: rows.map(show) }, 200);
    },
  );

  app.openapi(
    defineRoute(staff('promises:write'), {
      operationId: 'requestCallback',
      summary: 'Promise the customer a call back in a window',
      description:
        'A callback promise instead of a hold: the conversation keeps its place in its queue. ' +
        'Reaching the customer keeps it; it is broken when every allowed try fails or the window passes.',
      method: 'post',
      path: '/conversations/{id}/callback',
      tags,
      request: { params: idParams, ...jsonBody(s.callbackBody) },
      responses: { 201: jsonResponse(s.promiseSchema, 'The callback, open'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => requestCallback(ctx, c.req.valid('param').id, c.req.valid('json')));
      return reply(c, s.promiseSchema, show(row), 201);
    },
  );

  app.openapi(
    defineRoute(staff('promises:write'), {
      operationId: 'recordCallbackAttempt',
      summary: 'Record a try at a callback',
      description:
        '`reached` keeps the callback; the last allowed try that does not reach the customer breaks it.',
      method: 'post',
      path: '/promises/{id}/attempts',
      tags,
      request: { params: idParams, ...jsonBody(s.attemptBody) },
      responses: one('The callback, with the try counted'),
    }),
    async (c) => {
      const row = await run(c, (ctx) => recordAttempt(ctx, c.req.valid('param').id, c.req.valid('json')));
      return reply(c, s.promiseSchema, show(row), 200);
    },
  );

  app.openapi(
    defineRoute(staff('alerts:read'), {
      operationId: 'listAlerts',
      summary: "Alerts for supervisors about their members' promises, newest first",
      description:
        "A broken promise alerts its owner's supervisor (or, with no one above the owner, every desk lead) " +
        'and proposes a draft to the customer on the conversation.',
      method: 'get',
      path: '/alerts',
      tags,
      request: { query: s.listAlertsQuery },
      responses: { 200: jsonResponse(s.alertListSchema, 'Newest first'), ...errorResponses },
    }),
    async (c) => {
      const page = await run(c, (ctx) => listAlerts(ctx, c.req.valid('query')));
      const data = page.data.map((a) => ({ ...a, promise: show(a.promise) }));
      return reply(c, s.alertListSchema, { ...page, data }, 200);
    },
  );

  app.openapi(
    defineRoute(staff('promises:read'), {
      operationId: 'listCallbackAttempts',
      summary: 'The tries at a callback, oldest first',
      method: 'get',
      path: '/promises/{id}/attempts',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.attemptListSchema, 'Oldest first'), ...errorResponses },
    }),
    async (c) => {
      const data = await run(c, (ctx) => listAttempts(ctx, c.req.valid('param').id));
      return reply(c, s.attemptListSchema, { data }, 200);
    },
  );

  return app;
}
