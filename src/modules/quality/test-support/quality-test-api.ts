import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { TestApp } from '../../../../test/support/test-app.js';
import { createRouter, type AppEnv } from '../../../platform/http/app-env.js';
import { authenticateRequest } from '../../../platform/http/authenticate-request.js';
import { handleError } from '../../../platform/http/error-handler.js';
import { qualityRoutes } from '../routes.js';

export type Res = { status: number; json: any; text: string };

// The quality routes mounted the way the application mounts its routers (same authentication and
// problem answers) over the test app's database, for calls the test app itself does not route.
export function qualityTestApi(t: TestApp) {
  const app = new Hono<AppEnv>();
  app.onError(handleError(t.deps.logger));
  app.use('*', requestId());
  const api = createRouter();
  api.use('*', authenticateRequest(t.deps));
  api.route('/', qualityRoutes(t.deps));
  app.route('/api/v1', api);

  const request = async (method: string, path: string, key: string, body?: unknown): Promise<Res> => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
  };
  return (key: string) => ({
    get: (path: string) => request('GET', path, key),
    post: (path: string, body?: unknown) => request('POST', path, key, body),
    put: (path: string, body?: unknown) => request('PUT', path, key, body),
    patch: (path: string, body?: unknown) => request('PATCH', path, key, body),
  });
}
