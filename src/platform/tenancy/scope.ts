import type { SQL } from 'drizzle-orm';
import type { Db, DbHandle, Tx } from '../../db/client.js';
import type { EmittedEvent, EventType, ModuleEvents } from '../events/define-events.js';
import type { DomainEvent, EventBus } from '../events/domain-events.js';
import { mayReact, react, type Reactions } from '../events/define-reaction.js';
import { noEnrichments, type Enrichments } from '../enrichment/define-enrichment.js';
import { noRedirects, type Redirects } from '../redirects/define-redirect.js';
import { validatePayload } from '../events/validate-payload.js';
import { eventWithDataText } from '../events/event-channel.js';
import { outboxWrite } from '../events/write-outbox.js';
import { writeWithOutboxRow } from '../events/write-outbox-with.js';
import type { BoundSql } from '../../db/prepared-sql.js';
import type { Role } from '../access/roles.js';
import { workspaceTransaction } from './workspace-transaction.js';

export type Actor =
  | { type: 'user'; userId: string; role: Role }
  // `permissions`: rights the key holds beyond its role (see keyOnlyPermissions). `automation`: the
  // key is a bot's or a workflow's, so what it writes is never a person's reply.
  | {
      type: 'api_key';
      apiKeyId: string;
      role: Role;
      userId: string | null;
      permissions: readonly string[];
      automation: boolean;
    }
  | { type: 'system'; role: 'owner'; userId: null };

export type Scope = { workspaceId: string; actor: Actor };

export type WorkContext = Scope & {
  tx: Tx;
  /** Other modules' fields for this module's resources (see defineEnrichment). */
  enrichments: Enrichments;
  /** Other modules' say in where a new resource goes (see defineRedirect). */
  redirects: Redirects;
  emit<T extends EventType>(type: T, data: ModuleEvents[T]): void;
  /**
   * The work's one write, told whole before it runs, sent with its event's outbox row and the
   * COMMIT: with BEGIN, one round trip in all. Answers the rows written, or undefined, having sent
   * nothing, when the write must go the ordinary way (statement, emit, reactions): events are
   * pending already, the answer is presented after the work, or a reaction may want the event
   * (see ReactionDefinition.when). Should it write nothing, the work runs again in a new
   * transaction, where commitWith answers undefined: so nothing may be sent before it, nor
   * anything sent or emitted after it.
   */
  commitWith<T extends EventType>(write: LastWrite<T>): Promise<Record<string, unknown>[] | undefined>;
};

export type LastWrite<T extends EventType> = {
  /** The event, with the fields known before the write. */
  event: { type: T; data: Partial<ModuleEvents[T]> };
} & (
  | {
      /** The write's common table expressions (without WITH); the last, `from`, yields its row. */
      ctes: SQL;
      from: string;
      /** A jsonb expression over `from`'s columns: the event's other fields, filled in by the write. */
      filled: SQL;
    }
  // The same, its text built once: a prepareWriteWithOutboxRow given this write's values.
  | { statement(workspaceId: string, event: EmittedEvent): BoundSql }
);

export type ScopeDeps = {
  db: Db;
  handle?: DbHandle;
  events: EventBus;
  reactions: Reactions;
  enrichments?: Enrichments;
  redirects?: Redirects;
};

// The one place tenancy is enforced: every request's work runs in a transaction that sets the
// workspace and drops to a role bound by row-level security, so a query that forgets a
// workspace filter still cannot see another workspace's rows. Emitted events are written to the
// outbox at the end of the same transaction, so they exist exactly when the change does; the
// process is told after the commit (realtime, and a prompt wake for the dispatcher). Other modules'
// reactions to those events (defineReaction) run in the same transaction just before.
// `present`, when given, turns the result into what the caller answers with after the reactions ran,
// in the same transaction, so the answer shows what they changed (see enrich()).
export async function inWorkspace<T, U = T>(
  deps: ScopeDeps,
  scope: Scope,
  work: (ctx: WorkContext) => Promise<T>,
  present?: (ctx: WorkContext, value: T) => Promise<U>,
): Promise<U> {
  try {
    return await attempt(deps, scope, work, present, true);
  } catch (err) {
    // A one-trip write found nothing to write: the work runs again the ordinary way, which tells
    // why (not found, or not in the state the one-trip statement required).
    if (err instanceof NothingWritten) return attempt(deps, scope, work, present, false);
    throw err;
  }
}

class NothingWritten extends Error {}

async function attempt<T, U>(
  deps: ScopeDeps,
  scope: Scope,
  work: (ctx: WorkContext) => Promise<T>,
  present: ((ctx: WorkContext, value: T) => Promise<U>) | undefined,
  oneTrip: boolean,
): Promise<U> {
  const pending: EmittedEvent[] = [];
  let committed: DomainEvent[] = [];
  let sent = false;
  const result = await workspaceTransaction(
    deps,
    scope.workspaceId,
    async (tx, commitWith) => {
      // Named one by one, not spread: an object that starts as a copy of another (`...scope`) has a
      // map of its own, so each property added after the copy made V8 new maps for every request,
      // in the old generation. With the message path's other such copies, that was 0.7 kB a message
      // made there directly, and 0.6 MB more surviving each scavenge (bench/message-cost.ts --gc).
      const ctx: WorkContext = {
        workspaceId: scope.workspaceId,
        actor: scope.actor,
        tx,
        enrichments: deps.enrichments ?? noEnrichments,
        redirects: deps.redirects ?? noRedirects,
        emit: (type, data) => {
          if (sent) throw new Error(`Event "${type}" emitted after the commit`);
          pending.push({
            type,
            workspaceId: scope.workspaceId,
            at: new Date().toISOString(),
            data: validatePayload(type, data),
          } as EmittedEvent);
        },
        async commitWith(write) {
          if (!oneTrip || pending.length || present || mayReact(deps.reactions, write.event))
            return undefined;
          sent = true;
          const { type } = write.event;
          const event = {
            type,
            workspaceId: scope.workspaceId,
            at: new Date().toISOString(),
            data: validatePayload(type, write.event.data, true),
          } as EmittedEvent;
          const rows = await commitWith(
            'statement' in write
              ? write.statement(scope.workspaceId, event)
              : writeWithOutboxRow(scope.workspaceId, { ...write, event }),
          );
          if (!rows.length) throw new NothingWritten();
          // Announced as the outbox holds it (as its listeners will read it), not checked again:
          // the fields given were checked above, before anything was sent, and the ones the
          // statement fills in are its own columns; a check here would come after the COMMIT.
          committed = rows.map((row) =>
            eventWithDataText(
              { type, workspaceId: event.workspaceId, at: event.at, id: Number(row.outbox_id) },
              row.outbox_data as string,
            ),
          );
          return rows;
        },
      };
      const value = await work(ctx);
      if (pending.length) await react(deps.reactions, pending, ctx);
      return present ? present(ctx, value) : (value as unknown as U);
    },
    () =>
      pending.length ? outboxWrite(scope.workspaceId, pending, (events) => (committed = events)) : undefined,
  );
  deps.events.publish(committed);
  return result;
}

export const actorUserId = (actor: Actor): string | null => actor.userId;
