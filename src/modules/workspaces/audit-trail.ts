import { and, desc, eq } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { auditLog } from './schema.js';

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
};

// What people did to records that matter (merges, key revocations, role changes), kept by the
// workspace for every module.
export async function recordAudit(ctx: WorkContext, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const actorType = ctx.actor.type;
  const actorId = ctx.actor.type === 'api_key' ? ctx.actor.apiKeyId : ctx.actor.userId;
  await ctx.tx
    .insert(auditLog)
    .values(entries.map((e) => ({ workspaceId: ctx.workspaceId, actorType, actorId, ...e })));
}

/** A record's history, newest first. */
export function auditTrail(ctx: WorkContext, subjectType: string, subjectId: string) {
  return ctx.tx
    .select({
      action: auditLog.action,
      at: auditLog.createdAt,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      data: auditLog.data,
    })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId)))
    .orderBy(desc(auditLog.createdAt));
}
