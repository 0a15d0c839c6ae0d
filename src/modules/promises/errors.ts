import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const promiseErrors = defineErrors({
  PROMISE_NOT_FOUND: { status: 404, title: 'Promise not found' },
  PROMISE_NOT_OPEN: { status: 409, title: 'The promise is no longer open' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof promiseErrors> {}
}
