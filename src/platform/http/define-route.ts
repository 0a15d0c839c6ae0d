import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Permission } from '../access/permissions.js';
import { requirePermission } from '../access/permissions.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';

/**
 * Who may call a route, declared where the route is defined:
 * - staff: a session cookie or an API key, holding the permission (or any member, without one);
 * - visitor: a chat-widget visitor token, bound to one workspace and one customer;
 * - webhook: the route's own check of a per-channel signature or secret, over the raw body;
 * - signed-link: an HMAC'd URL with an expiry (`?sig=`), bound to its path;
 * - public: anyone.
 */
export type Access =
  | { kind: 'staff'; permission: Permission | null }
  | { kind: 'visitor' }
  | { kind: 'webhook'; verify: WebhookVerifier }
  | { kind: 'signed-link' }
  | { kind: 'public' };

/** Checks a webhook's raw body and headers; throws AppError('SIGNATURE_INVALID') when they fail. */
export type WebhookVerifier = MiddlewareHandler<AppEnv>;

export const staff = (permission: Permission | null = null): Access => ({ kind: 'staff', permission });
export const visitor: Access = { kind: 'visitor' };
export const webhook = (verify: WebhookVerifier): Access => ({ kind: 'webhook', verify });
export const signedLink: Access = { kind: 'signed-link' };
export const publicAccess: Access = { kind: 'public' };

type DescribedRoute = Omit<RouteConfig, 'path' | 'security' | 'middleware'> & {
  operationId: string;
  summary: string;
};

// Every route states its operationId and summary (client generators and the web app's types are
// named from them), its access kind, and, through request.body.content, the body types it
// accepts; anything else is refused with 415 before the body is read.
export function defineRoute<P extends string, R extends DescribedRoute & { path: P }>(
  access: Access,
  route: R,
) {
  const accepts = Object.keys(route.request?.body?.content ?? {});
  const middleware = gate(access, accepts.length ? acceptOnly(accepts) : undefined);
  return createRoute({ ...route, ...securityOf(access), middleware: [middleware] });
}

type Check = (c: Context<AppEnv>) => void;

// The access check, then the body's type (refused with 415 before the body is read): one
// middleware, as each one more is another step of Hono's chain (a closure and a promise) on every
// request. c.get, not c.var: Hono builds c.var afresh from every variable set (Object.fromEntries)
// each time it is read.
function gate(access: Access, accept: Check | undefined): MiddlewareHandler<AppEnv> {
  switch (access.kind) {
    case 'staff':
      return async (c, next) => {
        await c.get('gate').staff(c);
        if (access.permission) requirePermission(c.get('scope').actor, access.permission);
        accept?.(c);
        await next();
      };
    case 'visitor':
      return async (c, next) => {
        c.get('gate').visitor(c);
        accept?.(c);
        await next();
      };
    case 'signed-link':
      return async (c, next) => {
        c.get('gate').signedLink(c);
        accept?.(c);
        await next();
      };
    case 'webhook':
      return accept
        ? (c, next) =>
            access.verify(c, async () => {
              accept(c);
              await next();
            })
        : access.verify;
    case 'public':
      return accept
        ? async (c, next) => {
            accept(c);
            await next();
          }
        : (_c, next) => next();
  }
}

function acceptOnly(types: string[]): Check {
  const accepted = types.map((t) => t.toLowerCase());
  return (c) => {
    const sent = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (!sent || !accepted.some((type) => matches(sent, type))) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: `Send one of: ${types.join(', ')}` });
    }
  };
}

// application/json also admits application/<anything>+json, as JSON clients send.
const matches = (sent: string, type: string) =>
  sent === type || (type === 'application/json' && /^application\/[\w.-]+\+json$/.test(sent));

function securityOf(access: Access): Pick<RouteConfig, 'security'> {
  switch (access.kind) {
    case 'staff':
      return { security: [{ bearer: [] }, { session: [] }] };
    case 'visitor':
      return { security: [{ visitor: [] }] };
    case 'signed-link':
      return { security: [{ signedLink: [] }] };
    default:
      return { security: [] };
  }
}
