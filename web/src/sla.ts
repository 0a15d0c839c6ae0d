import type { Schemas } from './api/client';
import { duration, waited } from './format';

export type Target = NonNullable<Schemas['ConversationSla']>['targets'][number];

export const targetLabels: Record<Target['kind'], string> = {
  firstHumanResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

/**
 * The target an agent should look at first: the most overdue or soonest due running clock (a
 * breached one counts from its due time too); a paused one only when nothing runs. Met ones never.
 */
export function mostUrgent(sla: Schemas['ConversationSla'] | undefined): Target | undefined {
  const open = (sla?.targets ?? []).filter((t) => t.status !== 'met');
  const due = (t: Target) => (t.dueAt ? Date.parse(t.dueAt) : Infinity);
  return open.sort((a, b) => due(a) - due(b))[0];
}

/** Whether a target is past its time (breached, or running past its due time): shown as a warning. */
export const overdue = (t: Target, now: number) =>
  t.status === 'breached' || (t.status === 'active' && !!t.dueAt && Date.parse(t.dueAt) <= now);

/** "due in 9 min", "overdue by 2 min", "breached 3 min ago", "paused, 1 h left": words, not colour. */
export function targetState(t: Target, now: number): string {
  if (t.status === 'paused')
    return t.remainingSeconds === null ? 'paused' : `paused, ${duration(t.remainingSeconds)} left`;
  if (t.status === 'met') return 'met';
  if (!t.dueAt) return t.status;
  const dueAt = Date.parse(t.dueAt);
  if (t.status === 'breached') return `breached, overdue by ${waited(t.dueAt, now)}`;
  return dueAt > now
    ? `due in ${duration(Math.ceil((dueAt - now) / 1000))}`
    : `overdue by ${waited(t.dueAt, now)}`;
}
