import type { Context } from 'hono';
import { AppError } from '../../platform/errors.js';
import { createRouter, type AppDeps, type AppEnv } from '../../platform/http/app-env.js';
import { defineRoute, signedLink } from '../../platform/http/define-route.js';
import { handleError } from '../../platform/http/error-handler.js';
import { problem } from '../../platform/http/route-helpers.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { z } from '@hono/zod-openapi';
import { answerQuote, readQuote } from './answer-quote.js';
import { quotePage } from './quote-page.js';
import * as s from './schemas.js';

const tags = ['Quotes'];
const page = { description: 'The quote page', content: { 'text/html': { schema: z.string() } } };
const responses = {
  200: page,
  400: problem('The form is not valid'),
  404: problem('No such quote, or the link was changed'),
  410: problem('The link has expired'),
};

// A link whose signature or path was changed, or that lost its token, answers 404 like a quote
// that does not exist: a guessed or altered URL learns nothing. Only these routes answer so; the
// edge's usual 401 stays for every other signed link.
function notFoundForBadLinks(deps: AppDeps) {
  const answer = handleError(deps.logger);
  return (err: Error, c: Context<AppEnv>) =>
    answer(
      err instanceof AppError && (err.code === 'SIGNATURE_INVALID' || err.code === 'UNAUTHENTICATED')
        ? new AppError('PROMISE_NOT_FOUND')
        : err,
      c,
    );
}

/*
 * The customer's side of a quote, reached by its signed link (see quote-link.ts). The workspace
 * comes from the verified link, never from the URL's words: the edge checked the signature over
 * this exact path before the handler runs, and the handler acts in the workspace the link names,
 * as the system (the customer has no member identity).
 */
// The URL carries the token that opens the quote: no cache keeps the page.
const showPage = (c: Context<AppEnv>, page: ReturnType<typeof quotePage>) => {
  c.header('cache-control', 'no-store');
  return c.html(page, 200);
};

export function quoteRoutes(deps: AppDeps) {
  const app = createRouter();
  app.onError(notFoundForBadLinks(deps));
  const formAction = (c: Context<AppEnv>) =>
    `${c.req.path}?sig=${encodeURIComponent(c.req.query('sig') ?? '')}`;
  const inLinkWorkspace = <T>(c: Context<AppEnv>, work: Parameters<typeof inWorkspace<T>>[2]) =>
    inWorkspace(deps, systemScope(c.var.link.workspaceId), work);

  app.openapi(
    defineRoute(signedLink, {
      operationId: 'showQuote',
      summary: "A quote's public page",
      description: 'Its terms, and a button to accept it while valid or to ask for a renewal once expired.',
      method: 'get',
      path: '/q/{reference}',
      tags,
      request: { params: s.quoteParams },
      responses,
    }),
    async (c) => {
      const now = new Date();
      const quote = await inLinkWorkspace(c, (ctx) =>
        readQuote(ctx, c.var.link.subjectId, c.req.valid('param').reference),
      );
      return showPage(c, quotePage(quote, formAction(c), now));
    },
  );

  app.openapi(
    defineRoute(signedLink, {
      operationId: 'answerQuote',
      summary: 'Accept a quote, or ask for a renewal',
      description: 'Posted by the quote page to its own signed URL.',
      method: 'post',
      path: '/q/{reference}',
      tags,
      request: {
        params: s.quoteParams,
        body: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: s.quoteAnswerForm } },
        },
      },
      responses,
    }),
    async (c) => {
      const now = new Date();
      const quote = { id: c.var.link.subjectId, reference: c.req.valid('param').reference };
      const row = await inLinkWorkspace(c, (ctx) => answerQuote(ctx, quote, c.req.valid('form').answer, now));
      return showPage(c, quotePage(row, formAction(c), now));
    },
  );

  return app;
}
