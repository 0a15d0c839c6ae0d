import { DrizzleQueryError } from 'drizzle-orm/errors';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from './http/error-handler.js';
import { createLogger } from './logger.js';

const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

function failedQuery() {
  const pgError = Object.assign(new Error('connection reset'), {
    code: '08006',
    detail: 'Key (email)=(ann@example.test) already exists.',
  });
  return new DrizzleQueryError(
    'insert into "users" ("email", "password_hash") values ($1, $2)',
    ['ann@example.test', hash],
    pgError,
  );
}

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', { write: (line: string) => lines.push(line) }) };
}

describe('the server log', () => {
  it("records a failed query's statement and code but not its parameters or the row it quotes", async () => {
    const { lines, logger } = capture();
    const app = new Hono();
    app.onError(handleError(logger));
    app.get('/boom', () => {
      throw failedQuery();
    });
    const res = await app.request('/boom?password=hunter2hunter2');
    expect(res.status).toBe(500);
    const log = lines.join('\n');
    expect(log).toContain('insert into \\"users\\"');
    expect(log).toContain('08006');
    expect(log).not.toContain('argon2id');
    expect(log).not.toContain('ann@example.test');
    expect(log).not.toContain('hunter2');
  });

  it('censors fields that name a secret', () => {
    const { lines, logger } = capture();
    logger.info({ password: 'p4ssw0rd!', user: { passwordHash: hash }, params: ['x'] }, 'hello');
    expect(lines.join('\n')).not.toMatch(/p4ssw0rd|argon2id|"x"/);
  });
});
