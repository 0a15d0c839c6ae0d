import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import type { WorkContext } from '../../platform/tenancy/scope.js';
import {
  assignConversation,
  conversationToJoin,
  loadConversation,
  openConversationFromChannel,
  recordHumanAnswer,
  replaceCallEntries,
  verifyIdentity,
} from '../conversations/index.js';
import { createCustomer, findCustomerByIdentity, findOrCreateCustomer } from '../customers/index.js';
import { lookupPromise, parseReference, requestCallback } from '../promises/index.js';
import { scoreCallTranscript } from '../quality/index.js';
import { occupyPhoneLine, recordCallWait, type CallWait } from '../routing/index.js';
import { assertMember } from '../workspaces/index.js';
import type { CallEvent } from './call-event.js';
import { callTimeline, type IvrOutcome } from './call-timeline.js';
import { callTranscript, callTurns } from './call-transcript.js';
import { callWait, deriveCall, type CallState, type StoredEvent } from './derive-call.js';
import type { LineTarget } from './find-line.js';
import { callerNumber } from './line-number.js';
import { phoneCallEvents, phoneCalls, type CallEffects } from './schema.js';

/** The name of a caller whose number was withheld, until someone learns who it was. */
export const withheldName = 'Unknown caller';

/** A call joins a conversation finished this recently (reopened) rather than starting another. */
export const reopenWithinMs = 7 * 24 * 3_600_000;

/*
 * Brings one call up to date with every event stored for it, in the transaction that stored the
 * latest ones, its row locked so two requests about one call apply one after the other. The state
 * and the timeline are derived again from the whole set each time (arrival order never matters);
 * what must happen once (the conversation it joined, the verification, a callback, the wait given
 * to the figures, the scored transcript) is kept on the call's row and not done twice.
 */
export async function applyCall(ctx: WorkContext, line: LineTarget, callId: string) {
  await ctx.tx
    .insert(phoneCalls)
    .values({ workspaceId: ctx.workspaceId, lineId: line.id, callId })
    .onConflictDoNothing();
  const [call] = await ctx.tx
    .select()
    .from(phoneCalls)
    .where(and(eq(phoneCalls.lineId, line.id), eq(phoneCalls.callId, callId)))
    .for('update');
  const stored: StoredEvent[] = (
    await ctx.tx
      .select({ key: phoneCallEvents.eventKey, at: phoneCallEvents.at, event: phoneCallEvents.event })
      .from(phoneCallEvents)
      .where(and(eq(phoneCallEvents.lineId, line.id), eq(phoneCallEvents.callId, callId)))
  ).map((e) => ({ key: e.key, at: e.at, event: e.event as CallEvent }));
  if (!stored.length) return null;
  const state = deriveCall(stored, await membersAmong(ctx, stored));
  const effects: CallEffects = { ...call!.effects };
  const caller = callerNumber(state.from, line.number);
  // A withheld or unreadable number names nobody: the caller is a new, unknown customer of their
  // own, so the call is answered and kept on a conversation like any other but never joins
  // someone else's (an agent who learns who it was merges the profiles).
  const customerId =
    call!.customerId ??
    (caller
      ? (await findOrCreateCustomer(ctx, { type: 'phone', value: caller }, '')).customerId
      : (await createCustomer(ctx, { name: withheldName })).id);

  const outcomes = new Map<string, IvrOutcome>();
  let resumed: { id: string; conversationId: string; reference: string } | null = null;
  let verifiedKey: string | null = null;
  for (const { key, event } of state.ivr) {
    if (!event.digits) continue;
    const reference = parseReference(event.digits);
    const promise = reference ? await lookupPromise(ctx, reference).catch(notFound) : null;
    if (promise) {
      resumed ??= { id: promise.id, conversationId: promise.conversationId, reference: promise.reference };
      outcomes.set(key, { promiseReference: promise.reference });
      continue;
    }
    const holder = await findCustomerByIdentity(ctx, { type: 'account', value: event.digits }).catch(
      notFound,
    );
    const verified = holder === customerId;
    outcomes.set(key, { verified });
    if (verified) verifiedKey ??= key;
  }

  // A reference keyed in takes the call to its promise's conversation; otherwise the call stays
  // where it first went, or joins the customer's open (or recent) conversation, or starts one.
  const conversationId =
    resumed?.conversationId ??
    call!.conversationId ??
    (await conversationToJoin(ctx, customerId, reopenWithinMs))?.conversationId ??
    (
      await openConversationFromChannel(ctx, {
        customerId,
        channel: 'phone',
        subject: `Call from ${caller ?? withheldName.toLowerCase()}`,
        text: `Phone call from ${caller ?? withheldName.toLowerCase()}`,
        channelData: { phone: { callId, lineId: line.id } },
        ...(line.teamId ? { teamId: line.teamId } : {}),
      })
    ).conversationId;
  if (resumed) effects.resumedPromiseId = resumed.id;

  if (verifiedKey && effects.verifiedBy !== verifiedKey) {
    await verifyIdentity(ctx, conversationId, {
      method: 'ivr',
      note: `Call ${callId}: account number keyed in`,
    });
    effects.verifiedBy = verifiedKey;
  }

  const request = state.callbacks[0];
  if (request && !effects.callbackPromiseId) {
    const wanted = request.event.callback!;
    // The member named, else the one who had the call, else the conversation's assignee
    // (requestCallback's own default), else the line's callback owner.
    const assignee = (await loadConversation(ctx, conversationId)).assigneeId;
    const ownerId = wanted.ownerId ?? state.agentId ?? assignee ?? line.callbackOwnerId;
    const promise = await requestCallback(ctx, conversationId, {
      // A withheld number leaves nothing to call: refused below, and shown on the step.
      phone: wanted.phone ?? caller ?? '',
      window: wanted.window,
      ...(ownerId ? { ownerId } : {}),
    }).catch((err: unknown) => {
      // No one to call back (no owner named, nobody on the conversation): shown on the step.
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return { error: err.message };
      throw err;
    });
    if ('id' in promise) effects.callbackPromiseId = promise.id;
    else
      outcomes.set(request.key, { ...outcomes.get(request.key), callbackError: promise.error } as IvrOutcome);
  }
  if (request && effects.callbackPromiseId) {
    outcomes.set(request.key, { ...outcomes.get(request.key), callbackPromiseId: effects.callbackPromiseId });
  }

  const conversation = await loadConversation(ctx, conversationId);
  if (state.agentId && !conversation.assigneeId && !state.endedAt) {
    await assignConversation(ctx, conversationId, state.agentId);
  }
  await replaceCallEntries(ctx, conversationId, callId, callTimeline(callId, stored, state, outcomes));
  await recordWaitOnce(ctx, state, conversation.teamId, effects);
  await recordAnswerOnce(ctx, conversationId, state, effects);
  // A call takes its agent's whole phone capacity until it ends (or moves with a transfer).
  const onLine = state.endedAt ? null : state.agentId;
  if ((effects.lineHeldBy ?? null) !== onLine) {
    await occupyPhoneLine(ctx, { release: effects.lineHeldBy ?? null, take: onLine });
    effects.lineHeldBy = onLine;
  }

  let transcript = call!.transcript;
  if (state.transcript && state.endedAt && effects.scoredTranscriptKey !== state.transcript.key) {
    const verifiedAt = verifiedKey ? state.ivr.find((e) => e.key === verifiedKey)!.at : null;
    const built = callTranscript(callId, state, caller, verifiedAt);
    await scoreCallTranscript(ctx, { conversationId, callId }, callTurns(built));
    transcript = built as unknown as Record<string, unknown>;
    effects.scoredTranscriptKey = state.transcript.key;
  }
  return saveCall(ctx, call!.id, { state, caller, customerId, conversationId, effects, transcript });
}

const notFound = (err: unknown) => {
  if (err instanceof AppError && (err.code === 'PROMISE_NOT_FOUND' || err.code === 'VALIDATION_FAILED')) {
    return null;
  }
  throw err;
};

// Only members of the workspace count as a human on the line.
async function membersAmong(ctx: WorkContext, events: readonly StoredEvent[]) {
  const ids = new Set(
    events.flatMap((e) => [e.event.agentId, e.event.toAgentId]).filter((x) => x !== undefined),
  );
  const members = new Set<string>();
  for (const id of ids) {
    const member = await assertMember(ctx, id, 'agentId').then(
      () => true,
      () => false,
    );
    if (member) members.add(id);
  }
  return members;
}

// The call's wait goes to routing's figures once it is known, and is taken back and given again
// if a late event changes it (an `answered` arriving after the `ended`).
async function recordWaitOnce(
  ctx: WorkContext,
  state: CallState,
  teamId: string | null,
  effects: CallEffects,
) {
  const seconds = callWait(state);
  if (seconds === undefined) return;
  const at = (state.firstHuman?.at ?? state.endedAt)!;
  const wait: CallWait = { at, teamId, seconds };
  const previous = effects.wait ? { ...effects.wait, at: new Date(effects.wait.at) } : null;
  if (previous && previous.seconds === seconds && previous.at.getTime() === at.getTime()) return;
  await recordCallWait(ctx, wait, previous);
  effects.wait = { at: at.toISOString(), teamId, seconds };
}

// The first member on the line answered the customer: the conversation's first human reply, at
// the moment they picked up, given once (again only if a late event moves it).
async function recordAnswerOnce(
  ctx: WorkContext,
  conversationId: string,
  state: CallState,
  effects: CallEffects,
) {
  const first = state.firstHuman;
  if (!first || effects.answeredAt === first.at.toISOString()) return;
  await recordHumanAnswer(ctx, conversationId, { agentId: first.agentId, at: first.at, via: 'call' });
  effects.answeredAt = first.at.toISOString();
}

async function saveCall(
  ctx: WorkContext,
  id: string,
  values: {
    state: CallState;
    caller: string | null;
    customerId: string | null;
    conversationId: string | null;
    effects: CallEffects;
    transcript?: Record<string, unknown> | null;
  },
) {
  const { state } = values;
  const summary = {
    status: state.status,
    startedAt: state.startedAt.toISOString(),
    firstHuman: state.firstHuman && {
      agentId: state.firstHuman.agentId,
      at: state.firstHuman.at.toISOString(),
    },
    agentId: state.agentId,
    endedAt: state.endedAt?.toISOString() ?? null,
    cause: state.cause,
    holds: state.holds.map((h) => ({ at: h.at.toISOString(), seconds: h.seconds })),
    transfers: state.transfers.length,
    waitSeconds: callWait(state) ?? null,
  };
  const [row] = await ctx.tx
    .update(phoneCalls)
    .set({
      caller: values.caller,
      customerId: values.customerId,
      conversationId: values.conversationId,
      state: summary,
      effects: values.effects,
      ...(values.transcript !== undefined ? { transcript: values.transcript } : {}),
      updatedAt: new Date(),
    })
    .where(eq(phoneCalls.id, id))
    .returning();
  return row!;
}
