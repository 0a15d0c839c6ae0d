import { defineModule } from '../../platform/modules/define-module.js';
import { phoneErrors } from './errors.js';
import { phonePermissions } from './permissions.js';
import { retryRequestsJob } from './retry-requests-job.js';
import { phoneRoutes } from './routes.js';

// The phone channel: lines, one signed endpoint for Earshot's own call events and an adapter for
// Twilio's status callbacks, each request stored raw, each call's events applied onto the
// caller's conversation (timeline, IVR verification, callbacks, promises, the wait for a human,
// the transcript's score).
export const phoneModule = defineModule({
  name: 'phone',
  routes: phoneRoutes,
  jobs: [retryRequestsJob],
  permissions: phonePermissions,
  errors: phoneErrors,
});
