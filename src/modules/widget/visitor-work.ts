import type { Visitor } from '../../platform/access/visitor-token.js';
import { AppError } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/app-env.js';
import { inWorkspace, type WorkContext } from '../../platform/tenancy/scope.js';
import { systemScope } from '../../platform/tenancy/system-scope.js';
import { loadConversation } from '../conversations/index.js';
import { widgetSettings } from './schema.js';
import { eq } from 'drizzle-orm';
import type { WidgetRow } from './widget-row.js';

export type VisitorWork = WorkContext & { visitor: Visitor; widget: WidgetRow };

/*
 * A visitor's request works inside the visitor's workspace as the channel (the system actor, which
 * may speak for the customer), and reaches only that customer's conversations: another's answers
 * 404 exactly like one that does not exist.
 */
// `present` runs after other modules' reactions (routing queues a new conversation in one), so
// an answer that shows the queue shows it as committed.
export async function asVisitor<T, U = T>(
  deps: AppDeps,
  visitor: Visitor,
  work: (ctx: VisitorWork) => Promise<T>,
  present?: (ctx: VisitorWork, value: T) => Promise<U>,
): Promise<U> {
  let widget: WidgetRow | undefined;
  const withVisitor = async (ctx: WorkContext): Promise<VisitorWork> => {
    if (!widget) {
      [widget] = await ctx.tx
        .select()
        .from(widgetSettings)
        .where(eq(widgetSettings.workspaceId, ctx.workspaceId));
      // The widget the token was issued for must still exist.
      if (!widget) throw new AppError('UNAUTHENTICATED', { message: 'This chat is no longer available' });
    }
    return { ...ctx, visitor, widget };
  };
  return inWorkspace(
    deps,
    systemScope(visitor.workspaceId),
    async (ctx) => work(await withVisitor(ctx)),
    present ? async (ctx, value) => present(await withVisitor(ctx), value) : undefined,
  );
}

export async function visitorsConversation(
  ctx: VisitorWork,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const row = await loadConversation(ctx, id, options);
  if (row.customerId !== ctx.visitor.customerId) throw new AppError('CONVERSATION_NOT_FOUND');
  return row;
}
