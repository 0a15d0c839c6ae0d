import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/events/define-events.js';
import type { ListenerDeps } from '../../platform/events/define-listener.js';
import { sendReplyListener } from './send-reply-listener.js';

// Deps whose every use fails the test: a listener with nothing to do must not even open a transaction.
const untouchable = new Proxy({} as ListenerDeps, {
  get(_target, key) {
    throw new Error(`the listener used deps.${String(key)}`);
  },
});

const reply = (data: Record<string, unknown>) =>
  ({
    id: '1',
    type: 'conversation.message_added',
    workspaceId: '00000000-0000-4000-8000-000000000001',
    at: new Date().toISOString(),
    data: {
      conversationId: '00000000-0000-4000-8000-000000000002',
      displayId: 1,
      messageId: '00000000-0000-4000-8000-000000000003',
      role: 'agent',
      authorKind: 'human',
      internal: false,
      text: 'Hi',
      awaitingHuman: false,
      ...data,
    },
  }) as unknown as DomainEvent;

describe('the email reply listener', () => {
  it.each(['chat', 'phone', 'social', 'review', 'api'])(
    'does no database work for a reply on a %s conversation',
    async (channel) => {
      await expect(sendReplyListener.handle(reply({ channel }), untouchable)).resolves.toBeUndefined();
    },
  );

  it('looks the conversation up for an email reply, and for an event written before it named the channel', async () => {
    await expect(sendReplyListener.handle(reply({ channel: 'email' }), untouchable)).rejects.toThrow(
      /deps\./,
    );
    await expect(sendReplyListener.handle(reply({}), untouchable)).rejects.toThrow(/deps\./);
  });
});
