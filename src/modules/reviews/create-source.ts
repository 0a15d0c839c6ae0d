import { newSecret } from '../../platform/access/secrets.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember } from '../workspaces/index.js';
import { reviewSources } from './schema.js';
import { presentSource } from './source-row.js';

export const newSourceSecret = () => newSecret('esr');

export type SourceSettings = {
  name: string;
  source: string;
  visibility?: number | null;
  followUpOwnerId?: string | null;
  followUpHours?: number;
  /** Already sealed: the routes seal the token before any operation sees it. */
  pull?: { url: string; sealedToken: string } | null;
};

export async function createSource(ctx: WorkContext, input: SourceSettings) {
  if (input.followUpOwnerId) await assertMember(ctx, input.followUpOwnerId, 'followUpOwnerId');
  const [row] = await ctx.tx
    .insert(reviewSources)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      source: input.source,
      secret: newSourceSecret(),
      visibility: input.visibility ?? null,
      followUpOwnerId: input.followUpOwnerId ?? null,
      ...(input.followUpHours ? { followUpHours: input.followUpHours } : {}),
      pullUrl: input.pull?.url ?? null,
      pullToken: input.pull?.sealedToken ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw nameTaken(input.name);
  return presentSource(row);
}

export const nameTaken = (name: string) =>
  new AppError('REVIEW_SOURCE_NAME_TAKEN', {
    message: `A review source is already named "${name}"`,
    invalidParams: [{ name: 'name', reason: 'already names a review source' }],
  });
