import { loadConversation, requestHuman } from '../conversations/index.js';
import { visitorRouting } from './present-routing.js';
import { visitorsConversation, type VisitorWork } from './visitor-work.js';

/*
 * "Talk to a person": recorded on the timeline, and the conversation goes to the widget's team's
 * queue (or reopens) in the same transaction, so routing offers it as soon as it commits.
 */
export async function askForHuman(ctx: VisitorWork, conversationId: string) {
  await visitorsConversation(ctx, conversationId);
  await requestHuman(ctx, conversationId, { teamId: ctx.widget.teamId });
}

// After the reactions: routing has queued it by then.
export async function presentHumanRequest(ctx: VisitorWork, conversationId: string) {
  const row = await loadConversation(ctx, conversationId);
  return { routing: (await visitorRouting(ctx, [row])).get(row.id)! };
}
