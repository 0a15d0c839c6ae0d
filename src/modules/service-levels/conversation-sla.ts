import { and, asc, inArray, ne } from 'drizzle-orm';
import { defineEnrichment } from '../../platform/enrichment/define-enrichment.js';
import { slaConversations, slaTargets, targetKinds, type TargetKind, type TargetStatus } from './schema.js';

type ShownTarget = {
  kind: TargetKind;
  status: Exclude<TargetStatus, 'stopped'>;
  dueAt: Date | null;
  startedAt: Date;
  remainingSeconds: number | null;
};
type Sla = { policyId: string | null; targets: ShownTarget[] };

/*
 * `sla` on a conversation: its policy and the latest clock of each kind (a conversation answered
 * ten times has had ten next-response clocks; the last one is the one that matters now). Clocks
 * stopped because nobody is asked any more are not shown. Two statements for the whole page.
 */
export const conversationSla = defineEnrichment<Sla>({
  resource: 'conversation',
  field: 'sla',
  async load(ctx, ids) {
    const states = await ctx.tx
      .select({ id: slaConversations.conversationId, policyId: slaConversations.policyId })
      .from(slaConversations)
      .where(inArray(slaConversations.conversationId, [...ids]));
    if (!states.length) return new Map();
    const targets = await ctx.tx
      .select()
      .from(slaTargets)
      .where(and(inArray(slaTargets.conversationId, [...ids]), ne(slaTargets.status, 'stopped')))
      .orderBy(asc(slaTargets.startedAt), asc(slaTargets.id));
    const latest = new Map<string, Map<TargetKind, (typeof targets)[number]>>();
    for (const t of targets) {
      const byKind = latest.get(t.conversationId) ?? new Map();
      byKind.set(t.kind, t);
      latest.set(t.conversationId, byKind);
    }
    const out = new Map<string, Sla>();
    for (const s of states) {
      const byKind = latest.get(s.id);
      if (!s.policyId && !byKind) continue; // no policy applies: null
      const shown = targetKinds.flatMap((kind) => {
        const t = byKind?.get(kind);
        if (!t) return [];
        return [
          {
            kind,
            status: t.status as ShownTarget['status'],
            dueAt: t.dueAt,
            startedAt: t.startedAt,
            remainingSeconds:
              t.status === 'paused' ? Math.max(0, Math.round(t.targetSeconds - t.usedSeconds)) : null,
          },
        ];
      });
      out.set(s.id, { policyId: s.policyId, targets: shown });
    }
    return out;
  },
});
