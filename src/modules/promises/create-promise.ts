import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { loadConversation } from '../conversations/index.js';
import { workingTimeBefore } from '../service-levels/index.js';
import { assertMember } from '../workspaces/index.js';
import { eventSubject } from './promise-row.js';
import { newReference } from './reference.js';
import { promises, type PromiseType } from './schema.js';

export type CreatePromiseInput = {
  conversationId: string;
  type: PromiseType;
  ownerId: string;
  dueAt?: string;
  window?: { from: string; to: string };
  terms: string;
  expiresAt?: string;
  /** Callbacks: the number to call (E.164) and how many tries before it is broken. */
  callback?: { phone: string; maxAttempts: number };
};

/*
 * A promise becomes broken this long after its due time (or its window's end). One constant for
 * every workspace for now: a per-workspace setting comes with the workspace settings page.
 * Fifteen minutes absorbs a call that starts a little late without hiding a forgotten one.
 */
export const breakGraceMs = 15 * 60_000;
/*
 * The owner is reminded this much of their working time before the due time (or the window's
 * start): working hours are those of the calendar of the service-level policy the conversation
 * falls under, so a promise due Monday 09:30 on a 9-to-5 desk is reminded on Friday at 16:30,
 * not on Monday at 08:30 before anyone is in (clock time when no calendar applies). A promise made
 * after its reminder time gets none: its owner has just made it.
 */
export const reminderLeadMs = 60 * 60_000;

// Seven symbols leave close to 900 million references per workspace, so a clash is rare; the
// unique index decides, and a clash only costs another draw.
const referenceAttempts = 8;

export async function createPromise(ctx: WorkContext, input: CreatePromiseInput, now = new Date()) {
  const conversation = await loadConversation(ctx, input.conversationId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'CONVERSATION_NOT_FOUND') {
      throw new AppError('CONVERSATION_NOT_FOUND', {
        invalidParams: [{ name: 'conversationId', reason: 'no such conversation in this workspace' }],
      });
    }
    throw err;
  });
  await assertMember(ctx, input.ownerId, 'ownerId');

  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  const windowFrom = input.window ? new Date(input.window.from) : null;
  const windowTo = input.window ? new Date(input.window.to) : null;
  const deadline = (dueAt ?? windowTo)!;
  const remindAt = await workingTimeBefore(ctx, conversation, (dueAt ?? windowFrom)!, reminderLeadMs / 1000);
  const values = {
    workspaceId: ctx.workspaceId,
    conversationId: input.conversationId,
    type: input.type,
    ownerId: input.ownerId,
    terms: input.terms,
    dueAt,
    windowFrom,
    windowTo,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    breaksAt: new Date(deadline.getTime() + breakGraceMs),
    remindAt: remindAt > now ? remindAt : null,
    createdById: ctx.actor.userId,
    callbackPhone: input.callback?.phone ?? null,
    maxAttempts: input.callback?.maxAttempts ?? null,
  };
  for (let attempt = 0; attempt < referenceAttempts; attempt++) {
    const [row] = await ctx.tx
      .insert(promises)
      .values({ ...values, reference: newReference() })
      .onConflictDoNothing({ target: [promises.workspaceId, promises.reference] })
      .returning();
    if (!row) continue;
    ctx.emit('promise.created', {
      ...eventSubject(row),
      breaksAt: row.breaksAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
    });
    return row;
  }
  throw new AppError('CONFLICT', { message: 'No free reference was found; try again' });
}
