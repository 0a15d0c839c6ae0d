import { asc, inArray } from 'drizzle-orm';
import { defineEnrichment } from '../../platform/enrichment/define-enrichment.js';
import { emailBouncedAddresses, emailParticipants, type ParticipantRole } from './schema.js';

type ConversationEmail = {
  participants: { address: string; name: string; roles: ParticipantRole[]; bounced: boolean }[];
};

/*
 * `email` on a conversation: the people its mails named (Reply-To and Cc included, with their
 * names), and which of them bounced. One statement for the page, one for the bounce flags.
 */
export const conversationEmail = defineEnrichment<ConversationEmail>({
  resource: 'conversation',
  field: 'email',
  async load(ctx, ids) {
    const rows = await ctx.tx
      .select()
      .from(emailParticipants)
      .where(inArray(emailParticipants.conversationId, [...ids]))
      .orderBy(asc(emailParticipants.firstSeenAt), asc(emailParticipants.address));
    if (!rows.length) return new Map();
    const flagged = await ctx.tx
      .select({ address: emailBouncedAddresses.address })
      .from(emailBouncedAddresses)
      .where(inArray(emailBouncedAddresses.address, [...new Set(rows.map((r) => r.address))]));
    const bounced = new Set(flagged.map((f) => f.address));
    const byConversation = new Map<string, ConversationEmail>();
    for (const row of rows) {
      const entry = byConversation.get(row.conversationId) ?? { participants: [] };
      entry.participants.push({
        address: row.address,
        name: row.name,
        roles: row.roles,
        bounced: bounced.has(row.address),
      });
      byConversation.set(row.conversationId, entry);
    }
    return byConversation;
  },
});
