import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.js';
import type { WorkContext } from '../../../platform/tenancy/scope.js';
import { getConversation } from '../../conversations/index.js';
import { brokenPromises } from '../../promises/index.js';
import { qualityCallTurns } from '../schema.js';
import { buildTranscript, type ConversationFacts, type Judging } from './build-transcript.js';
import { transcriptSchema, type Transcript } from '../../../engine/quality/formats.js';

export type LoadedConversation = Awaited<ReturnType<typeof getConversation>>;

// Read through the conversations module's own query: the same view of a conversation an agent
// sees, and a 404 for an id from another workspace.
export async function loadTranscript(
  ctx: WorkContext,
  conversationId: string,
  judging: Judging = 'conversation',
) {
  const conversation = await getConversation(ctx, conversationId);
  const broken = await brokenPromises(ctx, conversationId);
  const built = buildTranscript(
    {
      ...conversation,
      messages: await withCallWords(ctx, conversationId, conversation.messages),
      brokenPromises: broken.map((p) => ({ ...p, brokenAt: p.brokenAt ?? p.breaksAt })),
    },
    judging,
  );
  if (built.turns.length === 0) {
    throw new AppError('INVALID_STATE', {
      message: 'The conversation has no messages the customer saw, so there is nothing to judge',
    });
  }
  // The engine trusts its input; checking here turns a mapping mistake into a clear error.
  const transcript: Transcript = transcriptSchema.parse(built);
  return { conversation, transcript };
}

type Message = ConversationFacts['messages'][number];

/*
 * The words of the conversation's calls (score-call-transcript.ts) placed among its messages by
 * time, each a turn the customer heard, as if it were a message: a conversation that moved from
 * chat to a call is judged as one conversation.
 */
async function withCallWords(ctx: WorkContext, conversationId: string, messages: readonly Message[]) {
  const calls = await ctx.tx
    .select({ turns: qualityCallTurns.turns })
    .from(qualityCallTurns)
    .where(eq(qualityCallTurns.conversationId, conversationId))
    .orderBy(asc(qualityCallTurns.callId));
  if (!calls.length) return [...messages];
  const spoken: Message[] = calls.flatMap((c) =>
    c.turns.map((t) => ({
      role: t.role,
      text: t.text,
      internal: false,
      authorId: t.agent ?? null,
      createdAt: t.at,
    })),
  );
  const time = (m: Message) => new Date(m.createdAt).getTime();
  // A stable sort: messages and a call's words at the same instant keep their own order.
  return [...messages, ...spoken].sort((a, b) => time(a) - time(b));
}
