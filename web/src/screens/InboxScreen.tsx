import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { api, call, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { humanize, waited } from '../format';
import { Link } from '../router';
import { useMe, useMembers } from '../session';
import { mostUrgent, overdue, targetLabels, targetState } from '../sla';

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
  { key: 'breaching', label: 'Breaching soon', status: 'open' },
] as const;
// "Breaching soon": running service-level clocks due within the hour, overdue ones included.
const BREACHING_WITHIN_SECONDS = 3600;
const BREACHING_LIMIT = 50;
type View = (typeof views)[number]['key'];
type Filters = { teamId: string; channel: string; status: string; priority: string };
const noFilters: Filters = { teamId: '', channel: '', status: '', priority: '' };

// Live events mark the list stale (see realtime.ts), so each view refreshes by itself.
export function InboxScreen() {
  const me = useMe().data;
  const [view, setView] = useState<View>('all');
  const [filters, setFilters] = useState<Filters>(noFilters);
  const current = views.find((v) => v.key === view)!;
  const breaching = view === 'breaching';
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
    enabled: !breaching,
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
      {breaching ? (
        <BreachingSoon now={now} />
      ) : (
        <>
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
            <Rows
              caption={`${current.label} conversations, most recent activity first`}
              rows={rows}
              now={now}
            />
          )}
          {list.hasNextPage && (
            <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </>
  );
}

type RowData = Schemas['Conversation'] & { customerName: string };

function Rows({ caption, rows, now }: { caption: string; rows: RowData[]; now: number }) {
  return (
    <div className="scroll-x">
      <table className="inbox">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Subject</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Assignee</th>
            <th scope="col">Customer waiting</th>
            <th scope="col">Service level</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <Row key={c.id} conversation={c} now={now} />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={8}>No conversations in this view.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/*
 * The conversations whose clocks fall due soonest, most urgent first. The API lists clocks; their
 * conversations' rows come in one more request, by id, and keep the clocks' order.
 */
function BreachingSoon({ now }: { now: number }) {
  const due = useQuery({
    queryKey: ['conversations', 'breaching'],
    queryFn: () =>
      call(
        api.GET('/sla/breaching', {
          params: { query: { withinSeconds: BREACHING_WITHIN_SECONDS, limit: BREACHING_LIMIT } },
        }),
      ),
    // Clocks fall due with time alone, without any event.
    refetchInterval: 60_000,
  });
  const ids = [...new Set(due.data?.data.map((t) => t.conversationId))];
  const list = useQuery({
    queryKey: ['conversations', 'breaching', 'rows', ids],
    queryFn: () =>
      call(api.GET('/conversations', { params: { query: { ids: ids.join(','), limit: BREACHING_LIMIT } } })),
    enabled: ids.length > 0,
  });
  const error = due.error ?? list.error;
  if (error) return <p role="alert">The conversations breaching soon could not be loaded: {error.message}</p>;
  if (due.isPending || (ids.length > 0 && list.isPending)) return <p>Loading conversations…</p>;
  const byId = new Map(list.data?.data.map((c) => [c.id, c]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return (
    <>
      <p className="muted">Service-level targets due within the hour or overdue, most urgent first.</p>
      <Rows caption="Conversations breaching soon, most urgent first" rows={rows} now={now} />
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

function Row({ conversation: c, now }: { conversation: RowData; now: number }) {
  const members = useMembers();
  const target = mostUrgent(c.sla);
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
        {c.customerWaitingSince ? (
          <time dateTime={c.customerWaitingSince}>{waited(c.customerWaitingSince, now)}</time>
        ) : (
          <span className="muted">answered</span>
        )}
      </td>
      <td>
        {target ? (
          <span className={overdue(target, now) ? 'sla overdue' : 'sla'}>
            {targetLabels[target.kind]} {targetState(target, now)}
          </span>
        ) : (
          <span className="muted">{c.sla ? 'all met' : 'no policy'}</span>
        )}
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

export function useNow(everyMs: number) {
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
