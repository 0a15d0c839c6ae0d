import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { at, humanize } from '../format';
import { Link } from '../router';
import { useMembers } from '../session';
import { LiveQueues } from './LiveQueues';

type GroupBy = Schemas['Scorecards']['groupBy'];
const roads = [1, 2, 3, 4] as const;

// The live queues and agents; scorecards over the last 30 days, lowest average first, and the coaching tasks they raised.
export function SupervisorScreen() {
  const [groupBy, setGroupBy] = useState<GroupBy>('agent');
  const groupId = useId();
  const cards = useQuery({
    queryKey: ['scorecards', groupBy],
    queryFn: () => call(api.GET('/quality/scorecards', { params: { query: { groupBy } } })),
  });
  return (
    <>
      <h1>Supervisor</h1>
      <LiveQueues />
      <section aria-labelledby="scorecards-title">
        <h2 id="scorecards-title">Scorecards</h2>
        <div className="filters">
          <div className="filter">
            <label htmlFor={groupId}>Group by</label>
            <select id={groupId} value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
              <option value="agent">Agent</option>
              <option value="team">Team</option>
            </select>
          </div>
        </div>
        {cards.isError && <p role="alert">Scorecards could not be loaded: {cards.error.message}</p>}
        {cards.data && (
          <div className="scroll-x">
            <table className="inbox">
              <caption>
                {at(cards.data.from)} to {at(cards.data.to)}, lowest average first; road mix counts the
                conversations on each of the four roads (1 learn, 2 care, 3 teach, 4 go away)
              </caption>
              <thead>
                <tr>
                  <th scope="col">{groupBy === 'agent' ? 'Agent' : 'Team'}</th>
                  <th scope="col">Conversations</th>
                  <th scope="col">Average</th>
                  <th scope="col">Road mix</th>
                  <th scope="col">Worst conversations</th>
                </tr>
              </thead>
              <tbody>
                {cards.data.data.map((card) => (
                  <Card key={card.id ?? 'none'} card={card} />
                ))}
                {cards.data.data.length === 0 && (
                  <tr>
                    <td colSpan={5}>No scored conversations in this period.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CoachingTasks />
    </>
  );
}

function Card({ card }: { card: Schemas['Scorecard'] }) {
  return (
    <tr>
      <th scope="row">
        {card.name ?? 'No team'}
        {card.outlier && <span className="badge unverified"> Outlier: far below the team</span>}
      </th>
      <td>{card.conversations}</td>
      <td>
        {Math.round(card.averages.overall)}
        {card.teamAverage != null && <span className="muted"> (team {Math.round(card.teamAverage)})</span>}
      </td>
      <td>{roads.map((r) => `${r}: ${card.roadMix[r]}`).join(' · ')}</td>
      <td>
        <ul className="plain">
          {card.worst.map((w) => (
            <li key={w.conversationId}>
              <Link href={`/conversations/${w.conversationId}`}>
                {w.overall}/100, road {w.road}
              </Link>
              {w.evidence[0] && <span className="muted"> — {w.evidence[0].why}</span>}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function CoachingTasks() {
  const members = useMembers();
  const tasks = useQuery({
    queryKey: ['coaching-tasks'],
    queryFn: () => call(api.GET('/quality/coaching-tasks', { params: { query: { status: 'open' } } })),
  });
  return (
    <section aria-labelledby="coaching-title">
      <h2 id="coaching-title">Coaching tasks</h2>
      {tasks.isError && <p role="alert">Coaching tasks could not be loaded: {tasks.error.message}</p>}
      {tasks.data?.data.length === 0 && <p>No open coaching tasks.</p>}
      <ul>
        {tasks.data?.data.map((t) => (
          <li key={t.id}>
            <strong>{members.data?.get(t.agentId)?.name ?? 'An agent'}</strong>: {t.reason} (average{' '}
            {Math.round(t.agentAverage)} against the team&apos;s {Math.round(t.teamAverage)}), due{' '}
            {at(t.dueAt)} · {humanize(t.status)}
          </li>
        ))}
      </ul>
    </section>
  );
}
