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
import { createCustomer } from './create-customer.js';
import { getCustomerDetail } from './get-customer.js';
import { mergeCustomers } from './merge-customers.js';
import * as s from './schemas.js';
import { searchCustomers } from './search-customers.js';
import { updateCustomer } from './update-customer.js';

const tags = ['Customers'];

export function customerRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    defineRoute(staff('customers:write'), {
      operationId: 'createCustomer',
      summary: 'Create a customer with identities',
      method: 'post',
      path: '/customers',
      tags,
      request: jsonBody(s.createCustomerBody),
      responses: { 201: jsonResponse(s.customerSchema, 'Created'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.customerSchema, await run(c, (ctx) => createCustomer(ctx, c.req.valid('json'))), 201),
  );

  app.openapi(
    defineRoute(staff('customers:read'), {
      operationId: 'searchCustomers',
      summary: 'Find customers by identity or text',
      method: 'get',
      path: '/customers',
      tags,
      description:
        'Find customers by any identity (`identity=`: email, phone in any format, account number, handle) or by name (`q=`).',
      request: { query: s.listCustomersQuery },
      responses: {
        200: jsonResponse(s.customerListSchema, 'A page of customers, newest first'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(c, s.customerListSchema, await run(c, (ctx) => searchCustomers(ctx, c.req.valid('query'))), 200),
  );

  app.openapi(
    defineRoute(staff('customers:read'), {
      operationId: 'getCustomer',
      summary: 'Read a customer profile',
      method: 'get',
      path: '/customers/{id}',
      tags,
      request: { params: idParams },
      responses: {
        200: jsonResponse(s.customerDetailSchema, 'The profile with identities and history'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.customerDetailSchema,
        await run(c, (ctx) => getCustomerDetail(ctx, c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('customers:write'), {
      operationId: 'updateCustomer',
      summary: 'Update a customer profile',
      method: 'patch',
      path: '/customers/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updateCustomerBody) },
      responses: { 200: jsonResponse(s.customerSchema, 'Updated'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.customerSchema,
        await run(c, (ctx) => updateCustomer(ctx, c.req.valid('param').id, c.req.valid('json'))),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('customers:write'), {
      operationId: 'mergeCustomers',
      summary: 'Merge a duplicate customer into this one',
      method: 'post',
      path: '/customers/{id}/merge',
      tags,
      description:
        'Fold the customer `sourceId` into this one: identities, conversations and history move; the merge is recorded on both profiles.',
      request: { params: idParams, ...jsonBody(s.mergeBody) },
      responses: { 200: jsonResponse(s.customerDetailSchema, 'The surviving profile'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.customerDetailSchema,
        await run(c, (ctx) => mergeCustomers(ctx, c.req.valid('param').id, c.req.valid('json').sourceId)),
        200,
      ),
  );

  return app;
}
