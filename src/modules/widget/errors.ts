import { defineErrors, type CodesOf } from '../../platform/errors.js';

export const widgetErrors = defineErrors({
  WIDGET_NOT_FOUND: { status: 404, title: 'No chat widget has this workspace key' },
  WIDGET_SIGNATURE_INVALID: { status: 401, title: "The customer's signature is missing or wrong" },
  WIDGET_ANONYMOUS_DISABLED: { status: 403, title: 'This chat needs a signed-in customer' },
  WIDGET_VISITOR_INVALID: { status: 401, title: 'This visitor id is not valid here' },
  WIDGET_NO_CALLBACK_OWNER: { status: 409, title: 'Nobody in the workspace can take a callback' },
});

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends CodesOf<typeof widgetErrors> {}
}
