import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';
import { at, humanize } from '../format';
import { Link } from '../router';
import { useMembers } from '../session';
import { Composer } from './Composer';
import { ConversationActions } from './ConversationActions';
import { CustomerPanel } from './CustomerPanel';
import { EmailHtml } from './EmailHtml';
import { ReviewCard } from './ReviewCard';
import { TransferForm } from './TransferForm';
import { describeCallStep } from './call-step';

type Detail = Schemas['ConversationDetail'];

export function useConversation(id: string) {
  return useQuery({
    queryKey: ['conversation', id],
    queryFn: () => call(api.GET('/conversations/{id}', { params: { path: { id } } })),
  });
}

export function ConversationScreen({ id }: { id: string }) {
  const conversation = useConversation(id);
  if (conversation.isPending) return <p>Loading the conversation…</p>;
  if (conversation.isError)
    return (
      <p role="alert">
        This conversation could not be loaded: {conversation.error.message}{' '}
        <Link href="/">Back to the inbox</Link>
      </p>
    );
  const c = conversation.data;
  return (
    <div className="conversation">
      <section aria-labelledby="conversation-title" className="thread">
        <h1 id="conversation-title">
          {c.subject || 'No subject'} <span className="muted">#{c.displayId}</span>
        </h1>
        <p className="meta">
          {c.channel} · {humanize(c.status)} · {c.priority} priority
        </p>
        <ConversationActions conversation={c} />
        {c.handover && (
          <div className="handover" role="note" aria-label="Handover note">
            <strong>Handover note:</strong> {c.handover.note}
          </div>
        )}
        <Messages conversation={c} />
        <Composer conversationId={c.id} />
        <TransferForm conversationId={c.id} />
        <Timeline conversation={c} />
      </section>
      <CustomerPanel conversation={c} />
    </div>
  );
}

function Messages({ conversation }: { conversation: Detail }) {
  const members = useMembers();
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      <ol className="messages" aria-live="polite">
        {conversation.messages.map((m) => {
          const author =
            m.role === 'customer'
              ? conversation.customer.name
              : ((m.authorId && members.data?.get(m.authorId)?.name) ?? m.role);
          return (
            <li key={m.id} className={`message ${m.role}${m.internal ? ' internal' : ''}`}>
              <p className="by">
                <strong>{author}</strong>
                {m.internal && <span className="badge note">Internal note</span>}{' '}
                <time dateTime={m.createdAt}>{at(m.createdAt)}</time>
              </p>
              {m.email && (
                <p className="email-head muted">
                  {m.email.from && <>From {m.email.from}</>}
                  {m.email.subject && <> · Subject: {m.email.subject}</>}
                </p>
              )}
              {m.review && <ReviewCard review={m.review} />}
              <p className="text">{m.text}</p>
              {m.fullText && m.fullText !== m.text && (
                <details>
                  <summary>Show the full text</summary>
                  <p className="text">{m.fullText}</p>
                </details>
              )}
              {m.html && (
                <details>
                  <summary>Show the formatted email</summary>
                  <EmailHtml
                    html={m.html}
                    subject={m.email?.subject ?? conversation.subject ?? 'No subject'}
                  />
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Timeline({ conversation }: { conversation: Detail }) {
  const members = useMembers();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline">
        {conversation.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{at(e.at)}</time>{' '}
            {e.type === 'call'
              ? describeCallStep(e.data, (id) => members.data?.get(id)?.name)
              : humanize(e.type.replace(/^conversation\./, ''))}
            {e.actorId && members.data?.get(e.actorId) && <> by {members.data.get(e.actorId)!.name}</>}
            {e.type === 'call' && typeof e.data.recordingUrl === 'string' && (
              <>
                {' '}
                <a href={e.data.recordingUrl} rel="noreferrer noopener" target="_blank">
                  Listen
                </a>
              </>
            )}
            {e.note && <q className="note">{e.note}</q>}
          </li>
        ))}
      </ol>
    </section>
  );
}
