import type { Priority } from '../conversations/index.js';

/** A rating at or under this, on a 5 scale, opens a case. */
export const lowRating = 2;

/*
 * A mention (no rating) opens a case when the quality engine's customer sentiment is at or under
 * this. The engine calls a customer message negative below -0.25; half-way from there to the end
 * of the scale leaves out grumbles and plain statements ("my order arrives Tuesday", "not bad")
 * and keeps what reads as a complaint ("the app keeps crashing, so frustrating" is -0.74). A public
 * case costs someone's time, so the line is drawn where the engine is sure.
 */
export const negativeMention = -0.5;

export type CaseInput = { rating5: number | null; sentiment: number };

/** Why an item calls for a case, or null when it does not. */
export function caseReason({ rating5, sentiment }: CaseInput): string | null {
  if (rating5 !== null) return rating5 <= lowRating ? `rating ${rating5} of 5` : null;
  return sentiment <= negativeMention ? `negative mention (sentiment ${sentiment.toFixed(2)})` : null;
}

/*
 * Reach: how many people may read the item. A mention's is its author's followers. A review's is
 * the larger of its author's followers and the source's visibility (the readers its page of
 * reviews has in a month, which the administrator sets), since a review on a busy page is read by
 * that page's visitors, not only by the author's followers.
 */
export function reachOf(followers: number | undefined, rating5: number | null, visibility: number | null) {
  const own = followers ?? 0;
  return rating5 === null ? own : Math.max(own, visibility ?? 0);
}

export const urgentReach = 10_000;
export const highReach = 1_000;

export function priorityFor(reach: number): Priority {
  if (reach >= urgentReach) return 'urgent';
  if (reach >= highReach) return 'high';
  return 'normal';
}

/*
 * A rating edited upward after the case's follow-up was promised counts as recovered: to 4 or
 * more, or up by 2 or more (1 to 3: the customer changed their mind, if not yet delighted).
 */
export function isRecovery(before: number | null, after: number | null): boolean {
  if (before === null || after === null || after <= before) return false;
  return after >= 4 || after - before >= 2;
}
