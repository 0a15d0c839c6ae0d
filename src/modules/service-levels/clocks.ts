import { and, eq, inArray } from 'drizzle-orm';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import { isFinished } from '../conversations/index.js';
import { calendarOf } from './calendar-row.js';
import { secondsFor } from './policy-row.js';
import { recordOutcome } from './rollup.js';
import {
  slaCalendars,
  slaConversations,
  slaPolicies,
  slaTargets,
  type PolicyRow,
  type SlaConversationRow,
  type TargetKind,
  type TargetRow,
} from './schema.js';
import { addWorkingTime, workingSecondsBetween, type Calendar } from './working-time.js';

/** The share of a target's time after which its warning goes out. */
export const warnShare = 0.8;

const waitingStatuses = new Set(['pending', 'waiting_on_customer']);

/**
 * One conversation's clocks, under the lock of its service-level row: what every change (an
 * event applied, the sweep) works through. `state` is kept in memory and written by save().
 */
export type Clocks = {
  ctx: WorkContext;
  state: SlaConversationRow;
  policy: PolicyRow | null;
  calendar: Calendar | null;
};

export async function lockState(ctx: WorkContext, conversationId: string) {
  const [row] = await ctx.tx
    .select()
    .from(slaConversations)
    .where(eq(slaConversations.conversationId, conversationId))
    .for('update');
  return row ?? null;
}

export async function clocksFor(ctx: WorkContext, state: SlaConversationRow): Promise<Clocks> {
  const [policy] = state.policyId
    ? await ctx.tx.select().from(slaPolicies).where(eq(slaPolicies.id, state.policyId))
    : [];
  return { ctx, state, policy: policy ?? null, calendar: await calendarById(ctx, state.calendarId) };
}

export async function calendarById(ctx: WorkContext, id: string | null) {
  if (!id) return null;
  const [row] = await ctx.tx.select().from(slaCalendars).where(eq(slaCalendars.id, id));
  return row ? calendarOf(row) : null;
}

export async function save(c: Clocks) {
  const { conversationId, workspaceId: _ws, ...rest } = c.state;
  await c.ctx.tx
    .update(slaConversations)
    .set(rest)
    .where(eq(slaConversations.conversationId, conversationId));
}

/** The conversation's clocks not yet ended (running or paused). */
export const openTargets = (c: Clocks, kinds?: readonly TargetKind[]) =>
  c.ctx.tx
    .select()
    .from(slaTargets)
    .where(
      and(
        eq(slaTargets.conversationId, c.state.conversationId),
        inArray(slaTargets.status, ['active', 'paused']),
        kinds ? inArray(slaTargets.kind, [...kinds]) : undefined,
      ),
    );

// --- what the conversation's facts do to its clocks ---

/** A customer's message: an answer is owed, unless one already is or a first reply is pending. */
export async function customerWrote(c: Clocks, at: Date) {
  const s = c.state;
  if (!s.lastCustomerAt || at > s.lastCustomerAt) s.lastCustomerAt = at;
  // Before the first human reply, the first-response clock covers every message.
  if (s.lastHumanAt && at > s.lastHumanAt && !(await openTargets(c, ['nextResponse'])).length) {
    await start(c, 'nextResponse', at);
  }
  await settlePause(c, at);
}

/** A human's reply the customer sees: it meets every response clock started before it. */
export async function humanReplied(c: Clocks, at: Date) {
  const s = c.state;
  if (!s.lastHumanAt || at > s.lastHumanAt) s.lastHumanAt = at;
  for (const t of await openTargets(c, ['firstHumanResponse', 'nextResponse'])) {
    if (t.startedAt <= at) await end(c, t, 'met', at);
  }
  await settlePause(c, at);
}

export async function statusChanged(c: Clocks, from: string, to: string, at: Date) {
  const s = c.state;
  // A change older than the one already applied is history (events may arrive out of order).
  if (at < s.statusAt) return;
  s.statusAt = at;
  if (to === s.status) return void (await settlePause(c, at));
  s.status = to;
  if (isFinished(to)) {
    // Resolving meets the resolution clock and stops the response clocks: nobody answered, and
    // nobody is asked to any more.
    for (const t of await openTargets(c)) await end(c, t, t.kind === 'resolution' ? 'met' : 'stopped', at);
  } else if (isFinished(from)) {
    // Reopened: a new resolution clock; a first-response clock too if nobody ever answered.
    if (!(await openTargets(c, ['resolution'])).length) await start(c, 'resolution', at);
    if (!s.lastHumanAt && !(await openTargets(c, ['firstHumanResponse'])).length) {
      await start(c, 'firstHumanResponse', at);
    }
  }
  await settlePause(c, at);
}

/**
 * A new policy (or none) for the conversation: running clocks take the new seconds and calendar
 * from the time they have used; those the new policy does not ask for stop; those it asks for
 * that the conversation now needs start at `at`.
 */
export async function applyPolicy(c: Clocks, policy: PolicyRow | null, at: Date) {
  c.policy = policy;
  c.state.policyId = policy?.id ?? null;
  c.state.calendarId = policy?.calendarId ?? null;
  c.calendar = await calendarById(c.ctx, c.state.calendarId);
  for (const t of await openTargets(c)) {
    const seconds = policy ? secondsFor(policy, t.kind) : null;
    if (!seconds) {
      await end(c, t, 'stopped', at);
      continue;
    }
    const change = { policyId: policy!.id, targetSeconds: seconds };
    await update(c, t, t.status === 'active' ? { ...change, ...timing(c, { ...t, ...change }) } : change);
  }
  const s = c.state;
  if (isFinished(s.status)) return;
  const open = new Set((await openTargets(c)).map((t) => t.kind));
  if (!open.has('resolution')) await start(c, 'resolution', at);
  if (!s.lastHumanAt && !open.has('firstHumanResponse')) await start(c, 'firstHumanResponse', at);
  const unanswered = s.lastHumanAt && s.lastCustomerAt && s.lastCustomerAt > s.lastHumanAt;
  if (unanswered && !open.has('nextResponse')) await start(c, 'nextResponse', at);
}

/*
 * Waiting on the customer stops every clock: the conversation is pending or waiting on the
 * customer, and the customer has not written since it was set so (nor since our last reply).
 * A customer's message starts the clocks again even before anyone changes the status.
 */
export async function settlePause(c: Clocks, at: Date) {
  const s = c.state;
  const since = Math.max(s.statusAt.getTime(), s.lastHumanAt?.getTime() ?? 0);
  const customerSpoke = s.lastCustomerAt !== null && s.lastCustomerAt.getTime() > since;
  const waiting = waitingStatuses.has(s.status) && !customerSpoke;
  if (waiting && !s.pausedAt) {
    s.pausedAt = at;
    for (const t of await openTargets(c)) {
      if (t.status !== 'active') continue;
      if (t.dueAt && t.dueAt <= at) await breach(c, t);
      else {
        const used = t.usedSeconds + workingSecondsBetween(c.calendar, t.clockFrom!, at);
        await update(c, t, {
          status: 'paused',
          usedSeconds: used,
          clockFrom: null,
          dueAt: null,
          warnAt: null,
        });
      }
    }
  } else if (!waiting && s.pausedAt) {
    s.pausedAt = null;
    for (const t of await openTargets(c)) {
      if (t.status !== 'paused') continue;
      const running = { ...t, clockFrom: at };
      await update(c, t, { status: 'active', clockFrom: at, ...timing(c, running) });
    }
  }
}

// --- one clock ---

async function start(c: Clocks, kind: TargetKind, at: Date) {
  const seconds = c.policy ? secondsFor(c.policy, kind) : null;
  if (!seconds) return;
  const paused = Boolean(c.state.pausedAt);
  const base = {
    workspaceId: c.ctx.workspaceId,
    conversationId: c.state.conversationId,
    kind,
    policyId: c.policy!.id,
    targetSeconds: seconds,
    startedAt: at,
    usedSeconds: 0,
    warnedAt: null,
  };
  const clock = paused
    ? { status: 'paused' as const, clockFrom: null, dueAt: null, warnAt: null }
    : { status: 'active' as const, clockFrom: at, ...timing(c, { ...base, clockFrom: at }) };
  await c.ctx.tx
    .insert(slaTargets)
    .values({ ...base, ...clock })
    .onConflictDoNothing({ target: [slaTargets.conversationId, slaTargets.kind, slaTargets.startedAt] });
}

/** When a running clock is due, and when it warns (null once warned). */
function timing(
  c: Clocks,
  t: Pick<TargetRow, 'targetSeconds' | 'usedSeconds' | 'warnedAt'> & { clockFrom: Date | null },
) {
  const from = t.clockFrom!;
  const dueAt = addWorkingTime(c.calendar, from, t.targetSeconds - t.usedSeconds);
  const warnAt = t.warnedAt
    ? null
    : addWorkingTime(c.calendar, from, Math.max(0, warnShare * t.targetSeconds - t.usedSeconds));
  return { dueAt, warnAt };
}

/**
 * Ends a clock at `at`: met (or stopped) if it was still in time, or paused; breached if its due
 * time had passed first, even when the sweep has not yet noticed.
 */
export async function end(c: Clocks, t: TargetRow, outcome: 'met' | 'stopped', at: Date) {
  if (t.status === 'active' && t.dueAt && t.dueAt < at) return breach(c, t);
  await update(c, t, { status: outcome, endedAt: at, clockFrom: null, warnAt: null });
  if (outcome !== 'met') return;
  await recordOutcome(c.ctx, t, 'met', at);
  c.ctx.emit('sla.met', {
    ...subjectOf(c, t),
    metAt: at.toISOString(),
    dueAt: t.dueAt?.toISOString() ?? null,
  });
}

export async function breach(c: Clocks, t: TargetRow) {
  const dueAt = t.dueAt!;
  await update(c, t, { status: 'breached', endedAt: dueAt, clockFrom: null, warnAt: null });
  await recordOutcome(c.ctx, t, 'breached', dueAt);
  c.ctx.emit('sla.breached', { ...subjectOf(c, t), dueAt: dueAt.toISOString() });
}

export async function warn(c: Clocks, t: TargetRow, now: Date) {
  await update(c, t, { warnAt: null, warnedAt: now });
  c.ctx.emit('sla.warning', { ...subjectOf(c, t), dueAt: t.dueAt!.toISOString() });
}

const subjectOf = (c: Clocks, t: TargetRow) => ({
  conversationId: c.state.conversationId,
  targetId: t.id,
  kind: t.kind,
  policyId: t.policyId,
});

const update = (c: Clocks, t: TargetRow, change: Partial<TargetRow>) =>
  c.ctx.tx.update(slaTargets).set(change).where(eq(slaTargets.id, t.id));

/** A conversation's first moment: its resolution clock, and its first-response clock when a customer opened it. */
export async function opened(c: Clocks, at: Date, byCustomer: boolean) {
  if (byCustomer) c.state.lastCustomerAt = at;
  else c.state.lastHumanAt = at;
  await start(c, 'resolution', at);
  if (byCustomer) await start(c, 'firstHumanResponse', at);
}
