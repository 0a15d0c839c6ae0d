import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const reviewErrors = defineErrors({
  REVIEW_SOURCE_NOT_FOUND: { status: 404, title: 'Review source not found' },
  REVIEW_SOURCE_NAME_TAKEN: { status: 409, title: 'A review source already has this name' },
  REVIEW_DELIVERY_NOT_FOUND: { status: 404, title: 'Review delivery not found' },
  REVIEW_DELIVERY_TOO_LARGE: { status: 413, title: 'The delivery is larger than allowed' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof reviewErrors> {}
}
