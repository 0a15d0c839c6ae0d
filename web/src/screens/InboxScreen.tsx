import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { waited } from '../format';
import { Link } from '../router';

const PAGE = 25;

// The "All" view: every open conversation, most recent activity first, a page at a time by the
// API's cursor. Live events mark the list stale (see realtime.ts), so it refreshes by itself.
export function InboxScreen() {
  const list = useInfiniteQuery({
    queryKey: ['conversations', 'all'],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/conversations', {
          params: { query: { status: 'open', limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const now = useNow(30_000);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <h1>Inbox</h1>
      <nav aria-label="Views" className="views">
        <a href="/" aria-current="page">
          All
        </a>
      </nav>
      {list.isError && <p role="alert">The inbox could not be loaded: {list.error.message}</p>}
      {list.isPending ? (
        <p>Loading conversations…</p>
      ) : (
        <table className="inbox">
          <caption className="visually-hidden">Open conversations, most recent activity first</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Subject</th>
              <th scope="col">Channel</th>
              <th scope="col">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <Row key={c.id} conversation={c} now={now} />
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4}>No open conversations.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}

function Row({ conversation: c, now }: { conversation: Schemas['Conversation']; now: number }) {
  const customer = useCustomer(c.customerId);
  return (
    <tr>
      <td>{customer.data?.name ?? '…'}</td>
      <td>
        <Link href={`/conversations/${c.id}`}>{c.subject || `Conversation #${c.displayId}`}</Link>
      </td>
      <td>{c.channel}</td>
      <td>
        <time dateTime={c.lastActivityAt}>{waited(c.lastActivityAt, now)}</time>
      </td>
    </tr>
  );
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: () => call(api.GET('/customers/{id}', { params: { path: { id } } })),
    staleTime: 60_000,
  });
}

function useNow(everyMs: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
