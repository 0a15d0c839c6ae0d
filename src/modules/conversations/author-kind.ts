import type { WorkContext } from '../../platform/tenancy/scope.js';

/*
 * Who wrote a message, as the figures see it: a human member ('human'), a bot posting as itself
 * ('bot'), a member-side message written with an automation API key ('automation'), the customer,
 * or something automated on the customer's side ('system'). Only 'human' is a person's reply:
 * bots and automations never end the wait for a first human, meet a service-level target or
 * stop the customer's wait.
 */
export const authorKinds = ['human', 'bot', 'automation', 'customer', 'system'] as const;
export type AuthorKind = (typeof authorKinds)[number];

export type WrittenRole = 'agent' | 'bot' | 'customer' | 'system';

/**
 * The role a message is stored with and its author's kind. A member-side message sent with an
 * automation key is stored as a bot's, with no author: it was not the key creator who answered,
 * and the transcript, the quality engine and every later replay then read it as automated too.
 */
export function authorOf(ctx: WorkContext, role: WrittenRole) {
  if (role === 'agent' && ctx.actor.type === 'api_key' && ctx.actor.automation) {
    return { role: 'bot' as const, kind: 'automation' as const, authorId: null };
  }
  if (role === 'agent') return { role, kind: 'human' as const, authorId: ctx.actor.userId };
  if (role === 'bot') return { role, kind: 'bot' as const, authorId: null };
  return { role, kind: role, authorId: null };
}

/** Whether an event's message was a person's reply; events from before authorKind read by role. */
export const isHumanReply = (m: { role: string; internal: boolean; authorKind?: AuthorKind }) =>
  !m.internal && (m.authorKind ? m.authorKind === 'human' : m.role === 'agent');
