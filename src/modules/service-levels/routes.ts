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
import { breachingSoon } from './breaching-soon.js';
import { listCalendars, loadCalendar, presentCalendar } from './calendar-row.js';
import { createCalendar } from './create-calendar.js';
import { createPolicy } from './create-policy.js';
import { deleteCalendar } from './delete-calendar.js';
import { deletePolicy } from './delete-policy.js';
import { importHolidays } from './import-holidays.js';
import { listPolicies, loadPolicy, presentPolicy } from './policy-row.js';
import { slaReport } from './rollup.js';
import * as s from './schemas.js';
import { updateCalendar } from './update-calendar.js';
import { updatePolicy } from './update-policy.js';

const tags = ['Service levels'];
const deleted = { 204: { description: 'Deleted' }, ...errorResponses };

export function serviceLevelRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  // --- calendars ---

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'createCalendar',
      summary: 'Create a calendar of working hours and holidays',
      description:
        'Hours are local to the time zone; several ranges a day make split shifts, and "24:00" ends a day. Service-level clocks run only inside them.',
      method: 'post',
      path: '/calendars',
      tags,
      request: jsonBody(s.createCalendarBody),
      responses: { 201: jsonResponse(s.calendarSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => createCalendar(ctx, c.req.valid('json')));
      return reply(c, s.calendarSchema, presentCalendar(row), 201);
    },
  );

  app.openapi(
    defineRoute(staff('sla:read'), {
      operationId: 'listCalendars',
      summary: 'List calendars',
      method: 'get',
      path: '/calendars',
      tags,
      responses: { 200: jsonResponse(s.calendarListSchema, 'By name'), ...errorResponses },
    }),
    async (c) => {
      const rows = await run(c, listCalendars);
      return reply(c, s.calendarListSchema, { data: rows.map(presentCalendar) }, 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:read'), {
      operationId: 'getCalendar',
      summary: 'Read a calendar',
      method: 'get',
      path: '/calendars/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.calendarSchema, 'The calendar'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => loadCalendar(ctx, c.req.valid('param').id));
      return reply(c, s.calendarSchema, presentCalendar(row), 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'updateCalendar',
      summary: 'Change a calendar',
      description: 'Running clocks follow the change from their next pause, resume or re-evaluation.',
      method: 'patch',
      path: '/calendars/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updateCalendarBody) },
      responses: { 200: jsonResponse(s.calendarSchema, 'The calendar after the change'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => updateCalendar(ctx, c.req.valid('param').id, c.req.valid('json')));
      return reply(c, s.calendarSchema, presentCalendar(row), 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'deleteCalendar',
      summary: 'Delete a calendar no policy uses',
      method: 'delete',
      path: '/calendars/{id}',
      tags,
      request: { params: idParams },
      responses: deleted,
    }),
    async (c) => {
      await run(c, (ctx) => deleteCalendar(ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'importHolidays',
      summary: "Add a country's public holidays for a year",
      description:
        'From the date-holidays data, optionally for a region (state). Dates the calendar has already keep their names.',
      method: 'post',
      path: '/calendars/{id}/holidays/import',
      tags,
      request: { params: idParams, ...jsonBody(s.importHolidaysBody) },
      responses: {
        200: jsonResponse(s.importedHolidaysSchema, 'The calendar, with how many were added'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const row = await run(c, (ctx) => importHolidays(ctx, c.req.valid('param').id, c.req.valid('json')));
      return reply(c, s.importedHolidaysSchema, presentCalendar(row), 200);
    },
  );

  // --- policies ---

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'createSlaPolicy',
      summary: 'Create a service-level policy',
      description:
        'Targets in working seconds of its calendar (clock time without one). The most specific policy whose criteria all match a conversation applies to it.',
      method: 'post',
      path: '/sla-policies',
      tags,
      request: jsonBody(s.createPolicyBody),
      responses: { 201: jsonResponse(s.policySchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => createPolicy(ctx, c.req.valid('json')));
      return reply(c, s.policySchema, presentPolicy(row), 201);
    },
  );

  app.openapi(
    defineRoute(staff('sla:read'), {
      operationId: 'listSlaPolicies',
      summary: 'List service-level policies',
      method: 'get',
      path: '/sla-policies',
      tags,
      responses: { 200: jsonResponse(s.policyListSchema, 'By name'), ...errorResponses },
    }),
    async (c) => {
      const rows = await run(c, listPolicies);
      return reply(c, s.policyListSchema, { data: rows.map(presentPolicy) }, 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:read'), {
      operationId: 'getSlaPolicy',
      summary: 'Read a service-level policy',
      method: 'get',
      path: '/sla-policies/{id}',
      tags,
      request: { params: idParams },
      responses: { 200: jsonResponse(s.policySchema, 'The policy'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => loadPolicy(ctx, c.req.valid('param').id));
      return reply(c, s.policySchema, presentPolicy(row), 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'updateSlaPolicy',
      summary: 'Change a service-level policy',
      description:
        'Applies to new conversations, and to running ones from their next re-evaluation (a change of team or priority).',
      method: 'patch',
      path: '/sla-policies/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updatePolicyBody) },
      responses: { 200: jsonResponse(s.policySchema, 'The policy after the change'), ...errorResponses },
    }),
    async (c) => {
      const row = await run(c, (ctx) => updatePolicy(ctx, c.req.valid('param').id, c.req.valid('json')));
      return reply(c, s.policySchema, presentPolicy(row), 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:manage'), {
      operationId: 'deleteSlaPolicy',
      summary: 'Delete a service-level policy',
      description: 'Its conversations choose another policy (or none) at their next event.',
      method: 'delete',
      path: '/sla-policies/{id}',
      tags,
      request: { params: idParams },
      responses: deleted,
    }),
    async (c) => {
      await run(c, (ctx) => deletePolicy(ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  // --- what is breaching, and how we did ---

  app.openapi(
    defineRoute(staff('sla:read'), {
      operationId: 'listBreachingSoon',
      summary: 'Running service-level clocks due soon',
      description: 'Due within withinSeconds (default an hour), overdue ones included, soonest first.',
      method: 'get',
      path: '/sla/breaching',
      tags,
      request: { query: s.breachingQuery },
      responses: { 200: jsonResponse(s.breachingSchema, 'Soonest first'), ...errorResponses },
    }),
    async (c) => {
      const rows = await run(c, (ctx) => breachingSoon(ctx, c.req.valid('query')));
      return reply(c, s.breachingSchema, { data: rows }, 200);
    },
  );

  app.openapi(
    defineRoute(staff('sla:reports'), {
      operationId: 'slaReport',
      summary: 'The share of service-level targets met, per kind',
      description:
        'From daily rollups kept as targets are met or breached (a day is UTC: the day a target was met, or fell due).',
      method: 'get',
      path: '/reports/sla',
      tags: ['Reports'],
      request: { query: s.reportQuery },
      responses: { 200: jsonResponse(s.reportSchema, 'The figures'), ...errorResponses },
    }),
    async (c) => reply(c, s.reportSchema, await run(c, (ctx) => slaReport(ctx, c.req.valid('query'))), 200),
  );

  return app;
}
