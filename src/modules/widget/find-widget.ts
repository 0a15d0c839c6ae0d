import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { widgetSettings } from './schema.js';
import type { WidgetRow } from './widget-row.js';

/*
 * A visitor names the widget by its public key before any workspace is known, so this one lookup
 * reads as the system, outside row-level security (like a mailbox by its address, see
 * email/find-mailbox.ts): by one exact key, returning the one row. Everything after it runs inside
 * that workspace.
 */
export async function findWidgetByKey(db: Db, workspaceKey: string): Promise<WidgetRow | null> {
  if (!/^wk_[\w-]{1,64}$/.test(workspaceKey)) return null;
  const [row] = await db.select().from(widgetSettings).where(eq(widgetSettings.workspaceKey, workspaceKey));
  return row ?? null;
}
