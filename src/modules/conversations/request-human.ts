import type { WorkContext } from '../../platform/tenancy/scope.js';
import { changeStatus } from './change-status.js';
import { loadConversation, recordEvent } from './conversation-row.js';
import { isFinished } from './schema.js';
import { transferConversation } from './transfer-conversation.js';

/*
 * The customer asked for a person. On the record (the timeline's `human_requested`), and the
 * conversation goes where a person picks it up: a finished one reopens (routing puts it back with
 * its last agent or at the front of its queue); one with neither person nor team goes to `teamId`
 * (the channel's team), which routing queues. One already with a team or a person stays as it is:
 * it is already waiting for, or held by, a human.
 */
export async function requestHuman(ctx: WorkContext, id: string, input: { teamId: string | null }) {
  const current = await loadConversation(ctx, id, { forUpdate: true });
  await recordEvent(ctx, id, 'human_requested', { teamId: current.teamId ?? input.teamId });
  ctx.emit('conversation.human_requested', { conversationId: id, displayId: current.displayId });
  if (isFinished(current.status)) {
    await changeStatus(ctx, id, 'open');
  } else if (!current.assigneeId && !current.teamId && input.teamId) {
    await transferConversation(ctx, id, { teamId: input.teamId, note: 'The customer asked for a person.' });
  }
}
