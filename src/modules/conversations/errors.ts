import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const conversationErrors = defineErrors({
  CONVERSATION_NOT_FOUND: { status: 404, title: 'Conversation not found' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof conversationErrors> {}
}
