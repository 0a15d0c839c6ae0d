import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const phoneErrors = defineErrors({
  PHONE_LINE_NOT_FOUND: { status: 404, title: 'Phone line not found' },
  PHONE_NUMBER_TAKEN: { status: 409, title: 'This number already belongs to a phone line' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof phoneErrors> {}
}
