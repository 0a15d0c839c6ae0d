import type { WorkContext } from '../tenancy/scope.js';

/**
 * Where something about to be created belongs instead, decided by a module its owner does not
 * know: a customer's first message that quotes one of their promises continues the promise's
 * conversation rather than opening another, and conversations never import promises. The owner
 * asks before it creates anything, in the request's transaction; the first redirect that names
 * an existing resource decides, and when none does the owner creates as asked. A redirect reads
 * and must not write: the owner does the work, where it would have created.
 */
export type RedirectDefinition<I = unknown> = {
  /** The resource it may redirect, e.g. 'conversation'. */
  resource: string;
  name: string;
  /** The id of the existing resource to use instead, or null. */
  find(ctx: WorkContext, input: I): Promise<string | null>;
};

export const defineRedirect = <I>(redirect: RedirectDefinition<I>) =>
  redirect as unknown as RedirectDefinition;

/** Every module's redirects by resource; built once by the composition root. */
export type Redirects = ReadonlyMap<string, readonly RedirectDefinition[]>;

export const noRedirects: Redirects = new Map();

export function indexRedirects(redirects: readonly RedirectDefinition[]): Redirects {
  const byResource = new Map<string, RedirectDefinition[]>();
  for (const r of redirects) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r]);
  return byResource;
}

/** The existing resource the first redirect names, or null: create as asked. */
export async function findRedirect<I>(ctx: WorkContext, resource: string, input: I): Promise<string | null> {
  for (const r of ctx.redirects.get(resource) ?? []) {
    const id = await r.find(ctx, input);
    if (id) return id;
  }
  return null;
}
