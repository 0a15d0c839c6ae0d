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
import { checkDraftReply } from './scoring/draft-check.js';
import { getQualityScore } from './scoring/get-quality-score.js';
import { getScorecards } from './scorecards/get-scorecards.js';
import { listCoachingTasks } from './coaching/list-coaching-tasks.js';
import { loadQualitySettings, presentSettings, saveQualitySettings } from './settings/quality-settings.js';
import * as s from './schemas.js';
import { scoreConversation } from './scoring/score-conversation.js';
import { updateCoachingTask } from './coaching/update-coaching-task.js';

const tags = ['Quality'];

export function qualityRoutes(deps: AppDeps) {
  const run = scopedRunner(deps);
  const app = createRouter();

  app.openapi(
    defineRoute(staff('quality:manage'), {
      operationId: 'scoreConversationNow',
      summary: 'Score a finished conversation now',
      method: 'post',
      path: '/conversations/{id}/quality',
      tags,
      description: 'Score the conversation now with the workspace rubric, replacing any earlier score.',
      request: { params: idParams },
      responses: {
        200: jsonResponse(s.qualityScoreSchema, 'The new score with its evidence'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.qualityScoreSchema,
        await run(c, (ctx) => scoreConversation(ctx, c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('quality:read'), {
      operationId: 'getQualityScore',
      summary: "Read a conversation's quality score with evidence",
      method: 'get',
      path: '/conversations/{id}/quality',
      tags,
      description: 'The stored score; 404 QUALITY_NOT_SCORED until the conversation has been scored.',
      request: { params: idParams },
      responses: {
        200: jsonResponse(s.qualityScoreSchema, 'The score with its evidence'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.qualityScoreSchema,
        await run(c, (ctx) => getQualityScore(ctx, c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('conversations:write'), {
      operationId: 'checkDraftReply',
      summary: 'Check a reply before it is sent',
      method: 'post',
      path: '/conversations/{id}/draft-check',
      tags,
      description:
        "Check a reply before sending it: asking again for something already known or verified, apologising for the customer's own choice.",
      request: { params: idParams, ...jsonBody(s.draftCheckBody) },
      responses: {
        200: jsonResponse(s.draftCheckSchema, 'Warnings; empty when the draft is fine'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.draftCheckSchema,
        await run(c, (ctx) => checkDraftReply(ctx, c.req.valid('param').id, c.req.valid('json').text)),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('quality:read'), {
      operationId: 'getScorecards',
      summary: 'Compare agents and teams over a period',
      method: 'get',
      path: '/quality/scorecards',
      tags,
      request: { query: s.scorecardsQuery },
      responses: { 200: jsonResponse(s.scorecardsSchema, 'Lowest average first'), ...errorResponses },
    }),
    async (c) =>
      reply(c, s.scorecardsSchema, await run(c, (ctx) => getScorecards(ctx, c.req.valid('query'))), 200),
  );

  app.openapi(
    defineRoute(staff('quality:read'), {
      operationId: 'listCoachingTasks',
      summary: 'List coaching tasks',
      method: 'get',
      path: '/quality/coaching-tasks',
      tags,
      request: { query: s.coachingTasksQuery },
      responses: { 200: jsonResponse(s.coachingTaskListSchema, 'Newest first'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.coachingTaskListSchema,
        await run(c, (ctx) => listCoachingTasks(ctx, c.req.valid('query'))),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('quality:manage'), {
      operationId: 'updateCoachingTask',
      summary: 'Complete or dismiss a coaching task',
      method: 'patch',
      path: '/quality/coaching-tasks/{id}',
      tags,
      request: { params: idParams, ...jsonBody(s.updateCoachingTaskBody) },
      responses: { 200: jsonResponse(s.coachingTaskSchema, 'The task after the change'), ...errorResponses },
    }),
    async (c) =>
      reply(
        c,
        s.coachingTaskSchema,
        await run(c, (ctx) => updateCoachingTask(ctx, c.req.valid('param').id, c.req.valid('json').status)),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('quality:read'), {
      operationId: 'getQualityRubric',
      summary: "Read the workspace's scoring rubric",
      method: 'get',
      path: '/quality/rubric',
      tags,
      responses: {
        200: jsonResponse(s.rubricSettingsSchema, 'The effective rubric and the overrides it comes from'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.rubricSettingsSchema,
        await run(c, async (ctx) => presentSettings(await loadQualitySettings(ctx))),
        200,
      ),
  );

  app.openapi(
    defineRoute(staff('quality:manage'), {
      operationId: 'setQualityRubric',
      summary: "Change the workspace's scoring rubric",
      method: 'put',
      path: '/quality/rubric',
      tags,
      description: "Replace the workspace's overrides; a field left out returns to the default.",
      request: jsonBody(s.rubricOverridesSchema),
      responses: {
        200: jsonResponse(s.rubricSettingsSchema, 'The effective rubric after the change'),
        ...errorResponses,
      },
    }),
    async (c) =>
      reply(
        c,
        s.rubricSettingsSchema,
        await run(c, async (ctx) => presentSettings(await saveQualitySettings(ctx, c.req.valid('json')))),
        200,
      ),
  );

  return app;
}
