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
import { seal } from '../../platform/access/seal-secret.js';
import { createSource, type SourceSettings } from './create-source.js';
import { findSourceForDelivery } from './find-source.js';
import { listItems } from './list-items.js';
import { deleteSource, getSource, listSources } from './list-sources.js';
import { getDelivery } from './get-delivery.js';
import { readEnvelope, refuseDelivery, storeDelivery } from './receive-items.js';
import * as s from './schemas.js';
import { updateSource } from './update-source.js';

const tags = ['Reviews'];
const manage = staff('reviews:manage');
/** A thousand items of the largest size is far more; this bounds what one request may hold. */
const maxDeliveryBytes = 5 * 1024 * 1024;

export function reviewRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();
  // The feed's token is sealed before any operation sees it.
  const sealed = <T extends { pull?: { url: string; token: string } | null }>({ pull, ...rest }: T) =>
    ({
      ...rest,
      ...(pull === undefined
        ? {}
        : { pull: pull && { url: pull.url, sealedToken: seal(deps.config.sessionSecret, pull.token) } }),
    }) as Omit<T, 'pull'> & Pick<SourceSettings, 'pull'>;

  app.openapi(
    defineRoute(manage, {
      operationId: 'createReviewSource',
      summary: 'Receive reviews or mentions from a site',
      description:
        'Items are posted to /channels/reviews/{id}/items with the secret, or polled from `pull.url`.',
      method: 'post',
      path: '/channels/reviews',
      tags,
      request: jsonBody(s.createSourceBody),
      responses: { 201: jsonResponse(s.sourceSchema, 'Created, with its secret'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.sourceSchema, await run(c, (ctx) => createSource(ctx, sealed(c.req.valid('json')))), 201),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'listReviewSources',
      summary: 'List the review sources, with whether each works',
      method: 'get',
      path: '/channels/reviews',
      tags,
      responses: { 200: jsonResponse(s.sourceListSchema, 'By name'), ...errorResponses },
    }),
    async (c) => reply(c, s.sourceListSchema, await run(c, (ctx) => listSources(ctx)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'getReviewSource',
      summary: 'Read a review source',
      method: 'get',
      path: '/channels/reviews/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.sourceSchema, 'The source'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.sourceSchema, await run(c, (ctx) => getSource(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'updateReviewSource',
      summary: 'Change a review source (new feed credentials end needs_reauth)',
      method: 'patch',
      path: '/channels/reviews/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updateSourceBody) },
      responses: { 200: jsonResponse(s.sourceSchema, 'The source after the change'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.sourceSchema,
        await run(c, (ctx) => updateSource(ctx, c.req.valid('param').id, sealed(c.req.valid('json')))),
        200,
      ),
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'deleteReviewSource',
      summary: 'Stop receiving from a source',
      description: 'Its items, the cases they opened and the raw deliveries stay.',
      method: 'delete',
      path: '/channels/reviews/{id}',
      tags,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await run(c, (ctx) => deleteSource(ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(staff('conversations:read'), {
      operationId: 'listReviewItems',
      summary: "A source's items, newest first",
      description:
        'Each with its edit history, the case it opened, the customer it was matched to (and by which identity), suggested merges and whether it was recovered.',
      method: 'get',
      path: '/channels/reviews/{id}/items',
      tags,
      request: { params: idParams, query: s.itemListQuery },
      responses: { 200: jsonResponse(s.itemListSchema, 'Newest first'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.itemListSchema,
        await run(c, (ctx) => listItems(ctx, c.req.valid('param').id, c.req.valid('query'))),
        200,
      ),
  );

  // The body is described by reference, not by a zod schema, so no validator reads it before
  // the handler has stored it raw; each item is then checked on its own.
  app.openAPIRegistry.register('ReviewItemsDelivery', s.itemsDelivery);
  app.openapi(
    defineRoute(
      webhook(
        bearerSecretWebhook({
          secretFor: async (c) =>
            (await findSourceForDelivery(deps.db, c.req.param('id') ?? ''))?.secret ?? null,
        }),
      ),
      {
        operationId: 'receiveReviewItems',
        summary: 'Receive a batch of reviews or mentions',
        description:
          "Authenticated with the source's secret as a bearer token. The body is stored as it came, then answered 202 once it is known to be a batch; a job reads and keeps each item (read again from the stored raw if that fails). Each item's outcome: GET /channels/reviews/{id}/deliveries/{deliveryId}.",
        method: 'post',
        path: '/channels/reviews/{id}/items',
        tags,
        request: {
          params: idParams,
          body: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ReviewItemsDelivery' } } },
          },
        },
        responses: {
          202: jsonResponse(s.acceptedSchema, 'Stored; its items are read by a job'),
          ...errorResponses,
          413: problem('Larger than 5 MB'),
        },
      },
    ),
    async (c) => {
      const source = await findSourceForDelivery(deps.db, c.req.valid('param').id);
      if (!source) throw new AppError('REVIEW_SOURCE_NOT_FOUND');
      const raw = await c.req.text();
      if (Buffer.byteLength(raw) > maxDeliveryBytes) {
        throw new AppError('REVIEW_DELIVERY_TOO_LARGE', { message: 'A delivery is limited to 5 MB' });
      }
      const deliveryId = await storeDelivery(deps, source, raw, 'webhook');
      let envelope: ReturnType<typeof readEnvelope>;
      try {
        envelope = readEnvelope(raw);
      } catch (err) {
        // Refused now, so the sender knows; kept raw, and the job finds it already refused.
        if (err instanceof AppError) await refuseDelivery(deps, source, deliveryId, err.message);
        throw err;
      }
      const accepted = {
        deliveryId,
        status: 'accepted' as const,
        items: envelope.entries.length,
        backfill: envelope.backfill,
      };
      return c.json(s.acceptedSchema.parse(accepted), 202);
    },
  );

  app.openapi(
    defineRoute(manage, {
      operationId: 'getReviewDelivery',
      summary: 'A delivery of a source: read yet or not, and what became of each item',
      method: 'get',
      path: '/channels/reviews/{id}/deliveries/{deliveryId}',
      tags,
      request: { params: s.deliveryParams },
      responses: { 200: jsonResponse(s.deliverySchema, 'The delivery'), ...errorResponses },
    }),
    async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      return reply(c, s.deliverySchema, await run(c, (ctx) => getDelivery(ctx, id, deliveryId)), 200);
    },
  );

  return app;
}
