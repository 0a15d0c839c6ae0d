import { issueVisitorToken } from '../../platform/access/visitor-token.js';
import { AppError } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { createCustomer, findCustomerRow, findOrCreateCustomer } from '../customers/index.js';
import { signatureMatches } from './customer-signature.js';
import { findWidgetByKey } from './find-widget.js';
import { customerOfVisitorId, signVisitorId } from './visitor-id.js';

export type SessionInput = {
  workspaceKey: string;
  customerId?: string;
  name?: string;
  email?: string;
  signature?: string;
  visitorId?: string;
};

// A visitor's token lasts a day; the widget asks for a new session when it runs out.
export const sessionSeconds = 86_400;

/*
 * Who is chatting. A customer id the host site signed is that customer (found, or created holding
 * the id as an `external` identity): verified, and their history follows them to any browser. A
 * wrong signature is refused, and so is a missing one when the workspace enforces signatures.
 * Anyone else chats anonymously, when the workspace allows it, as a customer of their own: an
 * unsigned customer id proves nothing, so it is not looked up (that would hand anyone the history of
 * whichever id they typed). The anonymous visitor gets a signed visitor id to come back as the same
 * customer after a reload. The email a visitor types is kept on the profile as what they said, not
 * as an identity: nothing proved it is theirs.
 */
export async function startSession(deps: AppDeps, input: SessionInput) {
  const widget = await findWidgetByKey(deps.db, input.workspaceKey);
  if (!widget) throw new AppError('WIDGET_NOT_FOUND');
  const secret = deps.config.sessionSecret;
  const signed =
    input.customerId !== undefined &&
    input.signature !== undefined &&
    signatureMatches(widget, input.customerId, input.signature);
  if (input.signature !== undefined && !signed) {
    throw new AppError('WIDGET_SIGNATURE_INVALID', {
      message: 'The signature must be the hex HMAC-SHA256 of customerId with the widget signing secret',
    });
  }
  if (!signed && widget.enforceSignature) {
    throw new AppError('WIDGET_SIGNATURE_INVALID', {
      message: 'This workspace accepts only customers whose id the site signed (customerId and signature)',
    });
  }
  if (!signed && !widget.anonymousAllowed) {
    throw new AppError('WIDGET_ANONYMOUS_DISABLED', {
      message: 'Anonymous chat is off: send the customer id your site signed (customerId and signature)',
    });
  }
  const attributes = input.email ? { widgetEmail: input.email } : undefined;
  const customerId = await inWorkspace(deps, systemScope(widget.workspaceId), async (ctx) => {
    if (signed) {
      const found = await findOrCreateCustomer(
        ctx,
        { type: 'external', value: input.customerId! },
        input.name ?? input.customerId!,
      );
      return found.customerId;
    }
    const returning = input.visitorId
      ? customerOfVisitorId(secret, widget.workspaceId, input.visitorId)
      : null;
    if (returning) {
      const row = await findCustomerRow(ctx, returning).catch(() => null);
      if (row) return row.mergedIntoId ?? row.id;
    }
    const created = await createCustomer(ctx, {
      name: input.name ?? 'Chat visitor',
      ...(attributes ? { attributes } : {}),
    });
    return created.id;
  });
  const visitor = { workspaceId: widget.workspaceId, customerId, verified: signed };
  return {
    token: issueVisitorToken(secret, visitor, sessionSeconds),
    customerId,
    verified: signed,
    expiresAt: new Date(Date.now() + sessionSeconds * 1000),
    visitorId: signed ? null : signVisitorId(secret, widget.workspaceId, customerId),
  };
}
