import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  key = (await t.workspace()).apiKey;
});
afterAll(() => t.close());

function expectProblem(res: { status: number; json: any; headers: Headers }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({
    status,
    code,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.any(String),
    requestId: expect.any(String),
  });
  expect(JSON.stringify(res.json)).not.toMatch(/at .*\.ts:\d+/);
}

describe('error answers', () => {
  it('malformed JSON is a 400 problem', async () => {
    expectProblem(
      await t.request('POST', '/customers', { key, raw: '{"name": "Ann",' }),
      400,
      'MALFORMED_JSON',
    );
  });

  it('wrong types and unknown fields name each bad field', async () => {
    const res = await t.request('POST', '/customers', {
      key,
      body: { name: 42, identities: [{ type: 'fax', value: '1' }], vip: true },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const names = res.json.invalid_params.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['name', 'identities.0.type', 'vip']));
  });

  it('an invalid identity value names its position', async () => {
    const res = await t.request('POST', '/customers', {
      key,
      body: {
        name: 'Ann',
        identities: [
          { type: 'email', value: 'ann@x.test' },
          { type: 'phone', value: 'call me' },
        ],
      },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json.invalid_params).toEqual([
      { name: 'identities.1.value', reason: expect.stringContaining('phone') },
    ]);
  });

  it('bad query parameters and path ids are 400s', async () => {
    const q = await t.request('GET', '/conversations?limit=-3&status=lost', { key });
    expectProblem(q, 400, 'VALIDATION_FAILED');
    expect(q.json.invalid_params.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['query.limit', 'query.status']),
    );
    expectProblem(await t.request('GET', '/conversations/not-a-uuid', { key }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.request('GET', '/conversations?cursor=garbage', { key }), 400, 'VALIDATION_FAILED');
  });

  it('oversize bodies are 413, other media types 415', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2_000_000) });
    expectProblem(await t.request('POST', '/customers', { key, raw: big }), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(
      await t.request('POST', '/customers', {
        key,
        raw: 'name=Ann',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('unknown routes and unknown ids are 404 problems', async () => {
    expectProblem(await t.request('GET', '/nothing-here', { key }), 404, 'ROUTE_NOT_FOUND');
    const res = await t.request('GET', '/conversations/00000000-0000-4000-8000-000000000000', { key });
    expectProblem(res, 404, 'CONVERSATION_NOT_FOUND');
  });

  it('serves the OpenAPI document and the reference page without auth', async () => {
    const doc = await t.request('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining(['/conversations/{id}/transfer', '/customers', '/teams']),
    );
    const page = await t.request('GET', '/docs');
    expect(page.text).toContain('Earshot API');
    expect((await t.request('GET', '/health')).json.status).toBe('ok');
    const problems = await (await t.app.request('/docs/problems')).text();
    expect(problems).toContain('id="conversation-not-found"');
  });
});
