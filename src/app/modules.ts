import { conversationsModule } from '../modules/conversations/index.js';
import { customersModule } from '../modules/customers/index.js';
import { emailModule } from '../modules/email/index.js';
import { identityModule } from '../modules/identity/index.js';
import { promisesModule } from '../modules/promises/index.js';
import { routingModule } from '../modules/routing/index.js';
import { serviceLevelsModule } from '../modules/service-levels/index.js';
import { qualityModule } from '../modules/quality/index.js';
import { workspacesModule } from '../modules/workspaces/index.js';
import { widgetModule } from '../modules/widget/index.js';

// Every module of the application. Adding a module is adding its folder and one line here: its
// routes, jobs, listeners, permissions, error codes, events and admin commands come with it.
export const modules = [
  workspacesModule,
  identityModule,
  customersModule,
  conversationsModule,
  qualityModule,
  promisesModule,
  emailModule,
  routingModule,
  serviceLevelsModule,
  widgetModule,
] as const;
