import type { WorkContext } from '../../platform/tenancy/scope.js';
import { recordWait } from './rollup.js';

export type CallWait = { at: Date; teamId: string | null; seconds: number | null };

/*
 * A call's wait for a human, from its start to the first member on the line (seconds), or none
 * (null: it ended without one). Calls are measured per call, not from the conversation's messages
 * (see startItem): a caller may join a conversation a human answered long ago and still wait now.
 * Call events can arrive late, so a wait recorded before is taken back when its outcome changes.
 */
export async function recordCallWait(ctx: WorkContext, wait: CallWait, previous?: CallWait | null) {
  if (previous) await recordWait(ctx, { ...previous, channel: 'phone' }, -1);
  await recordWait(ctx, { ...wait, channel: 'phone' });
}
