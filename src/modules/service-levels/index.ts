import { defineModule } from '../../platform/modules/define-module.js';
import { conversationSla } from './conversation-sla.js';
import { serviceLevelErrors } from './errors.js';
import { serviceLevelEvents } from './events.js';
import { serviceLevelPermissions } from './permissions.js';
import { serviceLevelRoutes } from './routes.js';
import { sweepClocksJob } from './sweep-clocks-job.js';
import { trackConversations } from './track-conversations.js';

// Service levels: calendars of working hours, policies of targets, and each conversation's clocks
// (first human response, next response, resolution) kept in working time, paused while the
// customer is waited on, warned at 80% and breached at their due time.
export const serviceLevelsModule = defineModule({
  name: 'service-levels',
  routes: serviceLevelRoutes,
  jobs: [sweepClocksJob],
  listeners: [trackConversations],
  enrichments: [conversationSla],
  permissions: serviceLevelPermissions,
  errors: serviceLevelErrors,
  events: serviceLevelEvents,
});

export { assertCalendar, calendarStatus } from './calendar-status.js';
export { workingTimeBefore } from './working-time-before.js';
