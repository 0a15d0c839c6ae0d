import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createRouter } from '../../platform/http/app-env.js';
import { qualityRoutes } from './routes.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('quality routes', () => {
  it('describe themselves in the OpenAPI document', () => {
    const api = createRouter();
    api.route('/', qualityRoutes(t.deps));
    const doc = api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'test', version: '1' } });
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([
      'GET /conversations/{id}/quality',
      'GET /quality/coaching-tasks',
      'GET /quality/rubric',
      'GET /quality/scorecards',
      'PATCH /quality/coaching-tasks/{id}',
      'POST /conversations/{id}/draft-check',
      'POST /conversations/{id}/quality',
      'PUT /quality/rubric',
    ]);
    expect(doc.components?.schemas).toHaveProperty('QualityScore');
  });
});
