import type { WorkContext } from '../tenancy/scope.js';
import type { EmittedEvent, EventType, ModuleEvents } from './define-events.js';

/**
 * A module's answer to another module's event inside the transaction that emitted it, so the two
 * commit or roll back together: a merged customer's conversations move with the merge, a removed
 * member's API keys stop working with the removal. The emitting module stays ignorant of who
 * reacts, and neither reaches into the other's tables.
 *
 * Reactions run once the operation's own work is done, before its events are written to the
 * outbox; what a reaction emits is reacted to in turn and written with the rest. The operation's
 * return value does not see their changes. Keep them few and quick: they lengthen the request.
 * Anything that may happen a moment later (a job, a notification) belongs in a listener.
 */
export type ReactionDefinition<T extends EventType = EventType> = {
  name: string;
  on: readonly T[];
  /**
   * Whether the event may concern the reaction, told from the event alone (no database): when
   * false, `handle` is not called. It may be asked before the write that makes the event has run,
   * with only the fields known then (those it fills in itself, such as ids, are absent): a write
   * whose event no reaction wants is sent with its COMMIT in one round trip (see commitWith).
   * Without it, every event of the types in `on` concerns the reaction.
   */
  when?(event: { type: T; data: Partial<ModuleEvents[T]> }): boolean;
  handle(event: EmittedEvent<T>, ctx: WorkContext): Promise<void>;
};

export const defineReaction = <const T extends EventType>(reaction: ReactionDefinition<T>) =>
  reaction as unknown as ReactionDefinition;

/** Every module's reactions by the event type they answer; built once by the composition root. */
export type Reactions = ReadonlyMap<string, readonly ReactionDefinition[]>;

export function indexReactions(reactions: readonly ReactionDefinition[]): Reactions {
  const byType = new Map<string, ReactionDefinition[]>();
  for (const reaction of reactions) {
    for (const type of reaction.on) byType.set(type, [...(byType.get(type) ?? []), reaction]);
  }
  return byType;
}

// A reaction that emits what it reacts to would never end; no real chain is anywhere near this.
const MAX_EVENTS_PER_TRANSACTION = 10_000;

/** Runs the reactions to each pending event, including those the reactions themselves emit. */
export async function react(
  reactions: Reactions,
  pending: readonly EmittedEvent[],
  ctx: WorkContext,
): Promise<void> {
  for (let i = 0; i < pending.length; i++) {
    if (i >= MAX_EVENTS_PER_TRANSACTION) throw new Error('Reactions kept emitting events without end');
    const event = pending[i]!;
    for (const reaction of reactions.get(event.type) ?? []) {
      if (!reaction.when || reaction.when(event)) await reaction.handle(event, ctx);
    }
  }
}

/** Whether any reaction may want the event, told from what is known of it (see `when`). */
export function mayReact(reactions: Reactions, event: { type: EventType; data: object }): boolean {
  return (reactions.get(event.type) ?? []).some(
    (reaction) => !reaction.when || reaction.when(event as Parameters<NonNullable<typeof reaction.when>>[0]),
  );
}
