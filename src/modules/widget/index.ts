import { defineModule } from '../../platform/modules/define-module.js';
import { widgetErrors } from './errors.js';
import { widgetPermissions } from './permissions.js';
import { widgetRoutes } from './routes.js';
import { widgetLiveUpdates } from './live-updates.js';
import { widgetPages } from './widget-pages.js';

// The web chat widget's server side: its settings and signing secret, visitor sessions (signed
// customers and anonymous visitors), the visitor API under /widget, and visitors' live updates.
export const widgetModule = defineModule({
  name: 'widget',
  routes: widgetRoutes,
  pages: widgetPages,
  permissions: widgetPermissions,
  errors: widgetErrors,
  visitorSockets: widgetLiveUpdates,
});
