import { defineListener } from '../../platform/events/define-listener.js';
import { AppError } from '../../platform/errors.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { isFinished, isHumanReply, loadConversation } from '../conversations/index.js';
import { applyPolicy, customerWrote, humanReplied, save, statusChanged, type Clocks } from './clocks.js';
import { ensureClocks } from './ensure-clocks.js';
import { isFollowed } from './followed-conversations.js';
import { matchPolicy } from './policy-row.js';

/*
 * Service levels follow each conversation a moment after it changes, from the outbox, never inside
 * the request that changes it (the message write path stays as short as it is). Delivery is at
 * least once and in any order, so every step reads the state it changes under the conversation's
 * service-level row lock, and applies a fact only once: a reply meets only the clocks started
 * before it, a customer's message starts a clock only when none is waiting, a status change older
 * than the last one applied is history. Times are the events' own, not the listener's. A
 * conversation service levels do not follow (followed-conversations.ts) costs no transaction.
 */
export const trackConversations = defineListener({
  name: 'service-levels.track-conversations',
  on: [
    'conversation.created',
    'conversation.message_added',
    'conversation.status_changed',
    'conversation.transferred',
    'conversation.human_answered',
    'conversation.priority_changed',
  ],
  async handle(event, deps) {
    const { conversationId } = event.data;
    if (!(await isFollowed(deps, { workspaceId: event.workspaceId, conversationId }))) return;
    await inWorkspace(deps, systemScope(event.workspaceId), async (ctx) => {
      const c = await ensureClocks(ctx, event.data.conversationId);
      if (!c) return;
      const at = new Date(event.at);
      if (event.type === 'conversation.message_added') {
        // Bots, automations, automated messages and internal notes never meet a target, nor start one.
        if (event.data.role === 'customer') await customerWrote(c, at);
        if (isHumanReply(event.data)) await humanReplied(c, at);
      }
      // A member who took the customer's call answered them then, not when the event was written.
      if (event.type === 'conversation.human_answered')
        await humanReplied(c, new Date(event.data.answeredAt));
      if (event.type === 'conversation.status_changed') {
        await statusChanged(c, event.data.from, event.data.to, at);
      }
      await reevaluate(c, at);
      await save(c);
    });
  },
});

/*
 * A conversation's policy is chosen again when its team or priority changed (whatever event
 * brought the news: a transfer, or the next event after a change that has none of its own), or
 * when it has no policy in force (none matched, or its policy was deleted).
 */
async function reevaluate(c: Clocks, at: Date) {
  const conversation = await loadConversation(c.ctx, c.state.conversationId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'CONVERSATION_NOT_FOUND') return null;
    throw err;
  });
  if (!conversation || isFinished(c.state.status)) return;
  const s = c.state;
  const moved = conversation.teamId !== s.teamId || conversation.priority !== s.priority;
  if (!moved && c.policy) return;
  s.teamId = conversation.teamId;
  s.priority = conversation.priority;
  const policy = await matchPolicy(c.ctx, conversation);
  if ((policy?.id ?? null) === (c.policy?.id ?? null) && (policy?.calendarId ?? null) === s.calendarId)
    return;
  await applyPolicy(c, policy, at);
}
