/*
 * Conversations a human has answered, as this process has seen them. A conversation's first human
 * reply, once recorded, is never cleared, so what is here does not go stale; a message to one of
 * them cannot start or end a wait for a first human, which lets addMessage tell its event before
 * writing it (see addMessage). Only a hint: the write checks it again, and a conversation missing
 * here only takes the ordinary way. Bounded, and emptied rather than evicted one by one when full.
 */
const answered = new Set<string>();
const MAX_CONVERSATIONS = 20_000;

export const wasAnswered = (conversationId: string) => answered.has(conversationId);

/** What a message's write found: whether the conversation has had its first human. */
export function noteAnswered(conversationId: string, yes: boolean): void {
  if (!yes) return void answered.delete(conversationId);
  if (answered.size >= MAX_CONVERSATIONS) answered.clear();
  answered.add(conversationId);
}
