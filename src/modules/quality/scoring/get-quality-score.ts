import { eq } from 'drizzle-orm';
import { qualityScores } from '../schema.js';
import { AppError } from '../../../platform/errors.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { loadConversation } from '../../conversations/index.js';
import { presentScore } from './present-score.js';

export async function getQualityScore(ctx: WorkContext, conversationId: string) {
  // A foreign or unknown conversation is "not found", not "not scored".
  await loadConversation(ctx, conversationId);
  const [row] = await ctx.tx
    .select()
    .from(qualityScores)
    .where(eq(qualityScores.conversationId, conversationId));
  if (!row)
    throw new AppError('QUALITY_NOT_SCORED', { message: 'This conversation has not been scored yet' });
  return presentScore(row);
}
