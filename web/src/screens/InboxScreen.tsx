import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { api, call, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { humanize, waited } from '../format';
import { Link } from '../router';
import { useMe, useMembers } from '../session';

const PAGE = 25;
type Query = NonNullable<operations['listConversations']['parameters']['query']>;
type Status = Schemas['Conversation']['status'];

const statuses: Status[] = ['open', 'pending', 'waiting_on_customer', 'resolved', 'closed'];
const channels: Schemas['Conversation']['channel'][] = ['email', 'chat', 'phone', 'social', 'review', 'api'];
const priorities: Schemas['Conversation']['priority'][] = ['urgent', 'high', 'normal', 'low'];

// A view is a question the agent asks of the inbox; the filters narrow its answer.
const views = [
  { key: 'all', label: 'All', status: 'open' },
  { key: 'mine', label: 'Mine', status: 'open' },
  { key: 'unassigned', label: 'Unassigned', status: 'open' },
  { key: 'waiting', label: 'Waiting on customer', status: 'waiting_on_customer' },
] as const;
type View = (typeof views)[number]['key'];
type Filters = { teamId: string; channel: string; status: string; priority: string };
const noFilters: Filters = { teamId: '', channel: '', status: '', priority: '' };

// Live events mark the list stale (see realtime.ts), so each view refreshes by itself.
export function InboxScreen() {
  const me = useMe().data;
  const [view, setView] = useState<View>('all');
  const [filters, setFilters] = useState<Filters>(noFilters);
  const current = views.find((v) => v.key === view)!;
  const status = filters.status || current.status;
  const query: Query = {
    limit: PAGE,
    ...(status !== 'any' ? { status: status as Status } : {}),
    ...(view === 'mine' && me?.user.id ? { assigneeId: me.user.id } : {}),
    ...(view === 'unassigned' ? { unassigned: 'true' as const } : {}),
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.channel ? { channel: filters.channel as Schemas['Conversation']['channel'] } : {}),
    ...(filters.priority ? { priority: filters.priority as Schemas['Conversation']['priority'] } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: ['conversations', query],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/conversations', {
          params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const now = useNow(30_000);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  return (
    <>
      <h1>Inbox</h1>
      <nav aria-label="Views" className="views">
        {views.map((v) => (
          <button
            key={v.key}
            type="button"
            aria-pressed={v.key === view}
            onClick={() => {
              setView(v.key);
              setFilters((f) => ({ ...f, status: '' }));
            }}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <fieldset className="filters">
        <legend className="visually-hidden">Filters</legend>
        <TeamFilter value={filters.teamId} onChange={set('teamId')} />
        <Filter label="Channel" value={filters.channel} onChange={set('channel')}>
          <option value="">Any channel</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Filter>
        <Filter label="Status" value={status} onChange={set('status')}>
          <option value="any">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </Filter>
        <Filter label="Priority" value={filters.priority} onChange={set('priority')}>
          <option value="">Any priority</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Filter>
      </fieldset>
      {list.isError && <p role="alert">The inbox could not be loaded: {list.error.message}</p>}
      {list.isPending ? (
        <p>Loading conversations…</p>
      ) : (
        <div className="scroll-x">
          <table className="inbox">
            <caption className="visually-hidden">
              {current.label} conversations, most recent activity first
            </caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Subject</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Assignee</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <Row key={c.id} conversation={c} now={now} />
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={7}>No conversations in this view.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}

function TeamFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const teams = useTeams();
  return (
    <Filter label="Team" value={value} onChange={onChange}>
      <option value="">Any team</option>
      {teams.data?.data.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </Filter>
  );
}

function Row({ conversation: c, now }: { conversation: Schemas['ConversationListItem']; now: number }) {
  const members = useMembers();
  return (
    <tr>
      <td>{c.customerName}</td>
      <td>
        <Link href={`/conversations/${c.id}`}>{c.subject || `Conversation #${c.displayId}`}</Link>
      </td>
      <td>{c.channel}</td>
      <td>{humanize(c.status)}</td>
      <td>{c.priority}</td>
      <td>{c.assigneeId ? (members.data?.get(c.assigneeId)?.name ?? '…') : '—'}</td>
      <td>
        <time dateTime={c.lastActivityAt}>{waited(c.lastActivityAt, now)}</time>
      </td>
    </tr>
  );
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => call(api.GET('/teams')),
    staleTime: 60_000,
  });
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

type Change = (e: { target: { value: string } }) => void;

function Filter({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: Change;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        {children}
      </select>
    </div>
  );
}
