import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { FormError } from '../../Field';
import { at, humanize } from '../../format';
import { Link } from '../../router';

// Every mail the mailbox received, newest first, and where it went: the conversation it joined or
// opened, or why not (an automatic reply, a bounce, a duplicate, or mail that could not be parsed).
export function MailLog({ mailboxId }: { mailboxId: string }) {
  const queries = useQueryClient();
  const log = useInfiniteQuery({
    queryKey: ['mail-log', mailboxId],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/channels/email/{id}/messages', {
          params: {
            path: { id: mailboxId },
            query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const retry = useMutation({
    mutationFn: (messageId: string) =>
      call(
        api.POST('/channels/email/{id}/messages/{messageId}/retry', {
          params: { path: { id: mailboxId, messageId } },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ['mail-log', mailboxId] }),
        queries.invalidateQueries({ queryKey: ['mailboxes'] }),
      ]),
  });
  const entries = log.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <h3 id="mail-log-title">Mail log</h3>
      {log.isError && <p role="alert">The mail log could not be loaded: {log.error.message}</p>}
      {log.isSuccess && entries.length === 0 && <p>No mail received yet.</p>}
      {entries.length > 0 && (
        <div className="scroll-x">
          <table className="inbox" aria-labelledby="mail-log-title">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Subject</th>
                <th scope="col">State</th>
                <th scope="col">Conversation</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.receivedAt}>{at(e.receivedAt)}</time>
                    <span className="muted"> via {e.via}</span>
                  </td>
                  <td>{e.from ?? <span className="muted">Unknown</span>}</td>
                  <td>{e.subject ?? <span className="muted">No subject</span>}</td>
                  <td>
                    {humanize(e.state)}
                    {e.flags.length > 0 && (
                      <span className="muted"> ({e.flags.map(humanize).join(', ')})</span>
                    )}
                    {e.error && <span className="error"> {e.error}</span>}
                  </td>
                  <td>
                    {e.conversationId ? (
                      <Link href={`/conversations/${e.conversationId}`}>
                        Open
                        <span className="visually-hidden">
                          {' '}
                          the conversation of {e.subject ?? 'this mail'}
                        </span>
                      </Link>
                    ) : e.state === 'unparsed' ? (
                      <button type="button" onClick={() => retry.mutate(e.id)} disabled={retry.isPending}>
                        Retry<span className="visually-hidden"> parsing {e.subject ?? 'this mail'}</span>
                      </button>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError message={retry.error?.message} />
      {log.hasNextPage && (
        <button type="button" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? 'Loading…' : 'Older mail'}
        </button>
      )}
    </>
  );
}
