import { actorCan } from '../../platform/access/permissions.js';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';

// Only a channel or an integration speaks for the customer: staff writing the customer's side
// would be writing the messages their own quality score is read from.
export function requireCustomerVoice(ctx: WorkContext): void {
  if (ctx.actor.type === 'system' || actorCan(ctx.actor, 'conversations:impersonate-customer')) return;
  throw new AppError('FORBIDDEN', {
    message:
      "Staff post as role 'agent'; a customer's message comes from a channel, or from an API key an owner created with the conversations:impersonate-customer permission",
  });
}
