import { alertSupervisor } from './alert-supervisor.js';
import { resumeByReference } from './resume-by-reference.js';
import { joinPromiseConversation } from './conversation-to-resume.js';
import { defineModule } from '../../platform/modules/define-module.js';
import { promiseErrors } from './errors.js';
import { promiseEvents } from './events.js';
import { promisePermissions } from './permissions.js';
import { quoteRoutes } from './quote-routes.js';
import { promiseRoutes } from './routes.js';
import { sweepPromisesJob } from './sweep-promises-job.js';

// Promises made to customers (quotes, coupons, callbacks, follow-ups) as records that are kept,
// cancelled, broken or expired; their references; a quote's signed public page.
export const promisesModule = defineModule({
  name: 'promises',
  routes: promiseRoutes,
  pages: quoteRoutes,
  jobs: [sweepPromisesJob],
  listeners: [alertSupervisor],
  reactions: [resumeByReference],
  redirects: [joinPromiseConversation],
  permissions: promisePermissions,
  errors: promiseErrors,
  events: promiseEvents,
});

export { brokenPromises } from './broken-promises.js';
export { createPromise } from './create-promise.js';
export { sweepPromises } from './sweep-promises-job.js';
export { lookupPromise } from './lookup-promise.js';
export { promiseReferencedIn, referencesIn } from './references-in.js';
export { resumePromise } from './resume-promise.js';
export { conversationToResume } from './conversation-to-resume.js';
export { parseReference, referenceDigits } from './reference.js';
export { requestCallback } from './request-callback.js';
export { presentPromise } from './promise-row.js';
