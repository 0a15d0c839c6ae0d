import { and, eq, isNull } from 'drizzle-orm';
import { defineReaction } from '../../platform/events/define-reaction.js';
import { apiKeys } from './schema.js';

// A key acts for the person who made it: one who leaves the workspace takes their keys with them,
// in the removal's own transaction, so no request slips through between the two.
export const revokeRemovedMemberKeys = defineReaction({
  name: 'identity.revoke-removed-member-keys',
  on: ['member.removed'],
  async handle({ data }, ctx) {
    await ctx.tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.createdBy, data.userId), isNull(apiKeys.revokedAt)));
  },
});
