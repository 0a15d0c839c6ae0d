import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const identityErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  API_KEY_NOT_FOUND: { status: 404, title: 'API key not found' },
  CURRENT_PASSWORD_WRONG: { status: 403, title: 'The current password is wrong' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof identityErrors> {}
}
