import { isStaff, type Conversation } from './build-conversation.js';
import type { Evidence, Resolution } from './quality-result.js';
import { quoteSentence } from './quote-sentence.js';
import type { StaffTurnFacts } from './read-staff-turns.js';

export type RedirectAndClose = {
  flag: boolean;
  redirected: boolean;
  helpful: boolean;
  reason?: string;
  evidence?: Evidence;
};

const MAX_STAFF_TURNS_AFTER = 2;
const WARM = /warm|conference|consult|attended/i;

// Sending someone elsewhere is fine when the agent carries them there (warm transfer, stays on, does
// it for them) or the customer ends up confirming it is solved; it is Road 4 when the agent points at
// another door and the conversation ends.
export const detectRedirectAndClose = (
  conversation: Conversation,
  staff: ReadonlyMap<number, StaffTurnFacts>,
  resolution: Resolution,
): RedirectAndClose => {
  const { turns, events } = conversation;
  const points: { turn: number; quote: string }[] = [];
  for (const facts of staff.values()) {
    if (facts.redirect)
      points.push({
        turn: facts.turn,
        quote: quoteSentence(turns[facts.turn]!.text, facts.redirect.sentence.norm),
      });
  }
  for (const placed of events) {
    if (placed.event.type !== 'redirect') continue;
    const turn = Math.max(0, placed.after);
    if (!points.some((p) => p.turn === turn)) points.push({ turn, quote: quoteSentence(turns[turn]!.text) });
  }
  if (points.length === 0) return { flag: false, redirected: false, helpful: false };
  const warmTransfer = events.some(
    (e) => e.event.type === 'transfer' && (e.event.warm === true || WARM.test(e.event.method ?? '')),
  );
  let helpful = false;
  for (const point of points.sort((a, b) => a.turn - b.turn)) {
    const handedOver =
      warmTransfer || [...staff.values()].some((f) => f.turn >= point.turn && f.warmHandover !== null);
    if (handedOver || resolution === 'confirmed') {
      helpful = true;
      continue;
    }
    const staffAfter = turns.filter((t) => t.index > point.turn && isStaff(t.role)).length;
    if (staffAfter > MAX_STAFF_TURNS_AFTER) continue;
    return {
      flag: true,
      redirected: true,
      helpful: false,
      reason: `Agent sent the customer elsewhere in turn ${point.turn} and the conversation ended`,
      evidence: {
        criterion: 'listening',
        turn: point.turn,
        quote: point.quote,
        why: 'Redirected and closed',
      },
    };
  }
  return { flag: false, redirected: true, helpful };
};
