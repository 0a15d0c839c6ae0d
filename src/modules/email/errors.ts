import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const emailErrors = defineErrors({
  MAILBOX_NOT_FOUND: { status: 404, title: 'Mailbox not found' },
  MAILBOX_ADDRESS_TAKEN: { status: 409, title: 'This address already belongs to a mailbox' },
  EMAIL_MESSAGE_NOT_FOUND: { status: 404, title: 'Email message not found' },
  EMAIL_ATTACHMENT_NOT_FOUND: { status: 404, title: 'Attachment not found' },
  EMAIL_TOO_LARGE: { status: 413, title: 'The email is larger than allowed' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof emailErrors> {}
}
