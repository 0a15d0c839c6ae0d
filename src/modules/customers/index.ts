import { defineModule } from '../../platform/modules/define-module.js';
import { countConversations } from './count-conversations.js';
import { customerErrors } from './errors.js';
import { customerEvents } from './events.js';
import { customerPermissions } from './permissions.js';
import { customerRoutes } from './routes.js';

// Customer profiles: identities on every channel, lookup, search and merge.
export const customersModule = defineModule({
  name: 'customers',
  routes: customerRoutes,
  permissions: customerPermissions,
  errors: customerErrors,
  events: customerEvents,
  reactions: [countConversations],
});

export { findCustomerRow } from './get-customer.js';
export { findCustomerByIdentity, findOrCreateCustomer } from './find-or-create-customer.js';
export { normalizeIdentity, type NormalizedIdentity } from './normalize-identity.js';
export { getCustomerSummary } from './get-customer-summary.js';
export { customerNames } from './customer-names.js';
export { createCustomer } from './create-customer.js';
