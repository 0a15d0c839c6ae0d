import { sql } from 'drizzle-orm';
import { arrayParam } from '../../db/array-param.js';
import type { ScopeDeps } from '../../platform/tenancy/scope.js';

type Asked = { workspaceId: string; conversationId: string };
type Question = { asked: Asked[]; answer: Promise<Set<string>> };

/*
 * Whether service levels follow a conversation: its workspace has a policy, or it has clocks
 * already (kept after their policy is deleted). Neither means ensureClocks would find nothing to
 * do, so the listener skips the event without opening a transaction. The dispatcher hands a batch
 * of events to its listeners side by side, so the events that ask in the same turn share one
 * question: one statement per batch, not a transaction per event.
 *
 * No answer is kept for later: each caller joins only a question that has not been sent yet, so
 * the answer it gets was read after it asked — after its event was claimed, so after the event's
 * transaction committed. It is what the listener would have read had it run at that moment (a
 * moment at which it may run), in whichever process, however many there are: a policy created
 * anywhere before that read is seen, one created after it is as if the event had come first.
 * Read as the database owner (as the clock sweep does), by key: the policies' scope index
 * (workspace first) and the clocks' primary key.
 */
export function isFollowed(deps: Pick<ScopeDeps, 'db'>, asked: Asked): Promise<boolean> {
  let ask = askers.get(deps.db);
  if (!ask) askers.set(deps.db, (ask = asker(deps)));
  return ask(asked);
}

// One asker per database (a test process runs several apps).
const askers = new WeakMap<ScopeDeps['db'], (asked: Asked) => Promise<boolean>>();

function asker(deps: Pick<ScopeDeps, 'db'>) {
  let next: Question | null = null;

  const send = (question: Question) => async () => {
    const rows = (await deps.db.execute(sql`
      SELECT a.conversation_id FROM unnest(
        ${arrayParam(
          question.asked.map((a) => a.workspaceId),
          'uuid',
        )},
        ${arrayParam(
          question.asked.map((a) => a.conversationId),
          'uuid',
        )}) AS a(workspace_id, conversation_id)
      WHERE EXISTS (SELECT 1 FROM sla_policies p WHERE p.workspace_id = a.workspace_id)
        OR EXISTS (SELECT 1 FROM sla_conversations s WHERE s.conversation_id = a.conversation_id)`)) as unknown as {
      rows: { conversation_id: string }[];
    };
    return new Set(rows.rows.map((r) => r.conversation_id));
  };

  return async (asked: Asked): Promise<boolean> => {
    let question = next;
    if (!question) {
      let resolve!: (s: Set<string>) => void;
      let reject!: (e: unknown) => void;
      const sent: Question = (question = {
        asked: [],
        answer: new Promise<Set<string>>((res, rej) => ((resolve = res), (reject = rej))),
      });
      next = sent;
      // Sent once the callers of this turn have joined; from then on, new callers start the next one.
      setImmediate(() => {
        next = null;
        send(sent)().then(resolve, reject);
      });
    }
    question.asked.push(asked);
    return (await question.answer).has(asked.conversationId);
  };
}
