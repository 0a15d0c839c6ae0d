import { useQueries, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';
import { at, duration } from '../format';
import { useMembers } from '../session';
import { useTeams } from './InboxScreen';

type Live = Schemas['LiveRouting'];
const kinds = ['chat', 'email', 'phone', 'social'] as const;
// The time-to-first-human target the report measures against (one of its histogram's bounds).
const TARGET_SECONDS = 60;
const today = () => new Date().toISOString().slice(0, 10);

/** The queues and the agents as they are now, read again every few seconds. */
export function LiveQueues() {
  const live = useQuery({
    queryKey: ['routing-live'],
    queryFn: () => call(api.GET('/routing/live')),
    refetchInterval: 10_000,
  });
  return (
    <>
      <section aria-labelledby="queues-title">
        <h2 id="queues-title">Live queues</h2>
        {live.isError && <p role="alert">The queues could not be loaded: {live.error.message}</p>}
        {live.data && <Queues live={live.data} />}
      </section>
      <section aria-labelledby="agents-title">
        <h2 id="agents-title">Agents</h2>
        {live.data && <Agents live={live.data} />}
      </section>
    </>
  );
}

function Queues({ live }: { live: Live }) {
  const teams = useTeams();
  const rows = [
    ...(teams.data?.data ?? []).map((t) => ({ teamId: t.id as string | null, name: t.name })),
    // Conversations with no team wait too; they are shown when there are any.
    ...(live.queues.some((q) => q.teamId === null) ? [{ teamId: null, name: 'No team' }] : []),
  ];
  const day = today();
  const firstHuman = useQueries({
    queries: rows.map((r) => ({
      queryKey: ['first-human', day, r.teamId],
      queryFn: () =>
        call(
          api.GET('/reports/time-to-first-human', {
            params: {
              query: {
                from: day,
                to: day,
                targetSeconds: TARGET_SECONDS,
                ...(r.teamId ? { teamId: r.teamId } : {}),
              },
            },
          }),
        ),
      enabled: r.teamId !== null,
      staleTime: 60_000,
    })),
  });
  return (
    <div className="scroll-x">
      <table className="inbox">
        <caption>
          Waiting now, and today&apos;s time to first human against a {duration(TARGET_SECONDS)} target
        </caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Waiting</th>
            <th scope="col">Longest wait</th>
            <th scope="col">Offered, not answered</th>
            <th scope="col">First human today</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const q = live.queues.find((x) => x.teamId === r.teamId);
            const report = firstHuman[i]?.data;
            return (
              <tr key={r.teamId ?? 'none'}>
                <th scope="row">{r.name}</th>
                <td>{q?.waiting ?? 0}</td>
                <td>{q?.longestWaitSeconds != null ? duration(q.longestWaitSeconds) : '—'}</td>
                <td>{q?.offered ?? 0}</td>
                <td>
                  {!report || report.count === 0 ? (
                    <span className="muted">No answers yet</span>
                  ) : (
                    <>
                      median {duration(report.p50Seconds ?? 0)},{' '}
                      <span className={report.withinTargetShare! < 0.8 ? 'badge note' : undefined}>
                        {Math.round(report.withinTargetShare! * 100)}% within target
                      </span>
                      {report.abandoned > 0 && (
                        <span className="muted"> · {report.abandoned} left unanswered</span>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Agents({ live }: { live: Live }) {
  const members = useMembers();
  if (live.agents.length === 0) return <p>No agent has been online yet.</p>;
  const order = { online: 0, away: 1, offline: 2 } as const;
  const agents = [...live.agents].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <div className="scroll-x">
      <table className="inbox">
        <caption className="visually-hidden">Agents&apos; presence and load</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Presence</th>
            <th scope="col">Load (held of capacity)</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.userId}>
              <th scope="row">{members.data?.get(a.userId)?.name ?? 'A member'}</th>
              <td>
                <span className={`presence presence-${a.status}`}>{a.status}</span>
              </td>
              <td>
                {kinds
                  .filter((k) => a.capacity[k] > 0 || a.load[k] > 0)
                  .map((k) => `${k} ${a.load[k]}/${a.capacity[k]}`)
                  .join(' · ')}
              </td>
              <td>{a.lastSeenAt ? at(a.lastSeenAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
