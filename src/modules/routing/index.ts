import { defineModule } from '../../platform/modules/define-module.js';
import { routingEvents } from './events.js';
import { routingPermissions } from './permissions.js';
import { conversationRouting } from './queue-view.js';
import { routeOnChange } from './route-on-change.js';
import { routingRoutes } from './routes.js';
import { socketPresence, sweepRoutingJob } from './sweep-routing-job.js';
import { trackConversations } from './track-conversations.js';

// Teams as queues: agents' presence and load, automatic assignment in arrival order, each
// conversation's place and expected wait, and the time customers wait for a human.
export const routingModule = defineModule({
  name: 'routing',
  routes: routingRoutes,
  permissions: routingPermissions,
  events: routingEvents,
  reactions: [trackConversations],
  listeners: [routeOnChange],
  enrichments: [conversationRouting],
  jobs: [sweepRoutingJob],
  services: [socketPresence],
});
export { dispatchTeams } from './dispatch.js';

export { recordCallWait, type CallWait } from './call-waits.js';
export { occupyPhoneLine } from './phone-line.js';

export { chatAgentsOnline, routingOf } from './visitor-view.js';
