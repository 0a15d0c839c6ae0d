import { eq } from 'drizzle-orm';
import { defineListener } from '../../platform/events/define-listener.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { loadConversation, proposeMessage } from '../conversations/index.js';
import { pickCoach, teamsOfMember } from '../workspaces/index.js';
import { loadPromise } from './promise-row.js';
import { apologyText } from './proposed-messages.js';
import { promiseAlerts } from './schema.js';

/*
 * A broken promise is the desk's failure, not only its owner's: the owner's supervisor gets an
 * alert (GET /alerts) and the conversation gets a proposed apology to the customer, a draft a
 * member sends or not. The supervisor is whoever leads the owner's team — the conversation's
 * team when the owner is in it, else the owner's first team — or, without one, the desk's lead
 * (pickCoach: supervisors, then admins, then owners; never the owner themselves). Delivered at
 * least once: the alert's unique key makes a repeat record nothing, and the draft is written
 * only with the alert.
 */
export const alertSupervisor = defineListener({
  name: 'promises.alert-supervisor',
  on: ['promise.broken'],
  async handle(event, deps) {
    await inWorkspace(deps, systemScope(event.workspaceId), async (ctx) => {
      const promise = await loadPromise(ctx, event.data.promiseId);
      const conversation = await loadConversation(ctx, promise.conversationId);
      const teams = await teamsOfMember(ctx, promise.ownerId);
      const teamId =
        conversation.teamId && teams.includes(conversation.teamId) ? conversation.teamId : (teams[0] ?? null);
      const [alert] = await ctx.tx
        .insert(promiseAlerts)
        .values({
          workspaceId: ctx.workspaceId,
          kind: 'promise_broken',
          promiseId: promise.id,
          recipientId: await pickCoach(ctx, teamId, promise.ownerId),
        })
        .onConflictDoNothing({ target: [promiseAlerts.promiseId, promiseAlerts.kind] })
        .returning({ id: promiseAlerts.id });
      if (!alert) return;
      const proposed = await proposeMessage(ctx, promise.conversationId, {
        text: apologyText(promise),
        proposal: { kind: 'apology', promiseId: promise.id, reference: promise.reference },
      });
      await ctx.tx
        .update(promiseAlerts)
        .set({ proposedMessageId: proposed.messageId })
        .where(eq(promiseAlerts.id, alert.id));
    });
  },
});
