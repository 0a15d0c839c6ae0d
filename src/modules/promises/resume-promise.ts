import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import {
  assignConversation,
  loadConversation,
  promiseEntry,
  proposeMessage,
} from '../conversations/index.js';
import { acceptsQuote } from './accepts-quote.js';
import { requestRenewal } from './answer-quote.js';
import { eventSubject, loadPromise } from './promise-row.js';
import { displayReference } from './reference.js';
import { renewalText } from './proposed-messages.js';
import { promiseMentions, type PromiseRow } from './schema.js';
import { lapseOf } from './settle-due.js';
import { closePromise } from './transitions.js';

export type Said = { conversationId: string; messageId: string; text: string };

/**
 * What a customer's message that quotes a promise's reference does, wherever it came from:
 *  - it is shown: a `promise` entry on the conversation's timeline, and the conversation goes to
 *    the promise's owner (assigned to them, and the promise.referenced event tells them);
 *  - from the promise's own customer (the message is in the promise's conversation, or in another
 *    of the same customer's), a quote accepted while valid is kept (promise.kept, by: customer),
 *    and an expired one is not a dead end: its renewal is recorded and a message offering it is
 *    proposed to the team (a draft on the conversation), rather than the customer starting over;
 *  - from anyone else it only shows: a stranger quoting a reference accepts nothing and renews
 *    nothing, and the channels have already kept their message in a conversation of their own,
 *    linked to the promise's, never in the promise's conversation.
 * Once per promise and message (promise_mentions), however many ways the message was read.
 */
export async function resumePromise(ctx: WorkContext, found: PromiseRow, said: Said, now = new Date()) {
  const here = await loadConversation(ctx, said.conversationId);
  const participant =
    said.conversationId === found.conversationId ||
    here.customerId === (await loadConversation(ctx, found.conversationId)).customerId;
  const [mention] = await ctx.tx
    .insert(promiseMentions)
    .values({
      workspaceId: ctx.workspaceId,
      promiseId: found.id,
      conversationId: said.conversationId,
      messageId: said.messageId,
      participant,
      outcome: 'shown',
    })
    .onConflictDoNothing({ target: [promiseMentions.promiseId, promiseMentions.messageId] })
    .returning({ id: promiseMentions.id });
  if (!mention) return null;

  let row = found;
  let outcome: 'shown' | 'kept' | 'renewal_proposed' = 'shown';
  if (participant && row.type === 'quote') {
    row = await loadPromise(ctx, row.id, { forUpdate: true });
    if (row.status === 'open') {
      const lapse = lapseOf(row, now);
      if (lapse) row = await closePromise(ctx, row, lapse, { by: 'system', userId: null }, now);
      else if (acceptsQuote(said.text)) {
        row = await closePromise(ctx, row, 'kept', { by: 'customer', userId: null }, now);
        outcome = 'kept';
      }
    }
    if (row.status === 'expired') {
      row = await requestRenewal(ctx, row, now);
      await proposeMessage(ctx, said.conversationId, {
        text: renewalText(row),
        proposal: { kind: 'renewal', promiseId: row.id, reference: displayReference(row.reference) },
      });
      outcome = 'renewal_proposed';
    }
  }
  if (outcome !== 'shown') {
    await ctx.tx.update(promiseMentions).set({ outcome }).where(eq(promiseMentions.id, mention.id));
  }
  await promiseEntry(ctx, said.conversationId, {
    event: 'referenced',
    promiseId: row.id,
    reference: displayReference(row.reference),
    type: row.type,
    status: row.status,
    messageId: said.messageId,
    participant,
    outcome,
  });
  if (here.assigneeId !== row.ownerId) await toOwner(ctx, said.conversationId, row.ownerId);
  ctx.emit('promise.referenced', {
    ...eventSubject(row),
    messageId: said.messageId,
    inConversationId: said.conversationId,
    participant,
    outcome,
  });
  return { promise: row, participant, outcome };
}

// The owner takes the conversation; an owner who has since left the workspace cannot, and the
// customer's message must not fail for it: the conversation stays where routing put it.
async function toOwner(ctx: WorkContext, conversationId: string, ownerId: string) {
  await assignConversation(ctx, conversationId, ownerId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'USER_NOT_FOUND') return null;
    throw err;
  });
}
