import { defineReaction } from '../../platform/events/define-reaction.js';
import type { ModuleEvents } from '../../platform/events/define-events.js';
import { customerMessage } from '../conversations/index.js';
import { promiseReferencedIn, referencesIn } from './references-in.js';
import { resumePromise } from './resume-promise.js';

/*
 * Any channel resumes a promise: a customer's message that quotes a reference — a chat message,
 * an email's text, a message posted through the API — is brought to the promise (resumePromise),
 * in the transaction that wrote it, so the answer to the request already shows the promise and
 * its owner. Only the customer's own words count (not a member's reply quoting the reference to
 * them, nor an out-of-office). Most messages carry no reference and cost one regular expression;
 * the database is asked only about candidates whose check character holds.
 */
export const resumeByReference = defineReaction({
  name: 'promises.resume-by-reference',
  on: ['conversation.created', 'conversation.message_added'],
  when(event) {
    if (event.type !== 'conversation.message_added') return true;
    const { role, text } = event.data as Partial<ModuleEvents['conversation.message_added']>;
    return (
      role === undefined || (role === 'customer' && (text === undefined || referencesIn(text).length > 0))
    );
  },
  async handle(event, ctx) {
    let said: { conversationId: string; messageId: string; text: string };
    if (event.type === 'conversation.message_added') {
      said = event.data as ModuleEvents['conversation.message_added'];
    } else {
      const data = event.data as ModuleEvents['conversation.created'];
      const first = await customerMessage(ctx, data.messageId);
      if (first?.role !== 'customer' || !referencesIn(first.text).length) return;
      said = { conversationId: data.conversationId, messageId: data.messageId, text: first.text };
    }
    const found = await promiseReferencedIn(ctx, said.text);
    if (found) await resumePromise(ctx, found, said);
  },
});
