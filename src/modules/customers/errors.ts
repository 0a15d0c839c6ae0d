import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const customerErrors = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, title: 'Customer not found' },
  IDENTITY_TAKEN: { status: 409, title: 'This identity belongs to another customer' },
  CUSTOMER_MERGED: { status: 409, title: 'This customer was merged into another' },
  LIFETIME_VALUE_TOO_LARGE: { status: 409, title: 'The combined lifetime value is larger than allowed' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof customerErrors> {}
}
