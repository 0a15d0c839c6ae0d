import { eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { assertMember } from '../workspaces/index.js';
import { nameTaken, type SourceSettings } from './create-source.js';
import { reviewSources } from './schema.js';
import { loadSource, presentSource } from './source-row.js';

/*
 * New pull settings (a fresh token, most often) are the administrator's answer to needs_reauth:
 * the source is active again and the next poll tries them, from the checkpoint it had.
 */
export async function updateSource(ctx: WorkContext, id: string, input: Partial<SourceSettings>) {
  await loadSource(ctx, id);
  if (input.followUpOwnerId) await assertMember(ctx, input.followUpOwnerId, 'followUpOwnerId');
  const { pull, ...rest } = input;
  const pullColumns =
    pull === undefined
      ? {}
      : {
          pullUrl: pull?.url ?? null,
          pullToken: pull?.sealedToken ?? null,
          status: 'active' as const,
          lastError: null,
          lastErrorAt: null,
          pullLeaseUntil: null,
        };
  const [row] = await ctx.tx
    .update(reviewSources)
    .set({ ...rest, ...pullColumns, updatedAt: new Date() })
    .where(eq(reviewSources.id, id))
    .returning()
    .catch((err: unknown) => {
      const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
      throw code === '23505' && input.name ? nameTaken(input.name) : err;
    });
  return presentSource(row!);
}
