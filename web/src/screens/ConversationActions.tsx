import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { humanize } from '../format';
import { useMe, useMembers } from '../session';

type Status = Schemas['Conversation']['status'];
const statuses: Status[] = ['open', 'pending', 'waiting_on_customer', 'resolved', 'closed'];

// Status and assignee, changed in place; each change is applied by the API and the conversation
// (and any inbox showing it) reloads with what the API answered.
export function ConversationActions({ conversation: c }: { conversation: Schemas['ConversationDetail'] }) {
  const queries = useQueryClient();
  const me = useMe().data;
  const members = useMembers();
  const statusId = useId();
  const assigneeId = useId();
  const [said, setSaid] = useState('');
  const refresh = (message: string) => {
    setSaid(message);
    void queries.invalidateQueries({ queryKey: ['conversations'] });
    return queries.invalidateQueries({ queryKey: ['conversation', c.id] });
  };
  const setStatus = useMutation({
    mutationFn: (status: Status) =>
      call(api.POST('/conversations/{id}/status', { params: { path: { id: c.id } }, body: { status } })),
    onSuccess: (r) => refresh(`Status: ${humanize(r.status)}.`),
  });
  const assign = useMutation({
    mutationFn: (userId: string | null) =>
      call(api.POST('/conversations/{id}/assign', { params: { path: { id: c.id } }, body: { userId } })),
    onSuccess: (r) =>
      refresh(
        r.assigneeId ? `Assigned to ${members.data?.get(r.assigneeId)?.name ?? 'a member'}.` : 'Unassigned.',
      ),
  });
  const error = setStatus.error ?? assign.error;
  return (
    <div className="actions">
      <div className="action">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={c.status}
          disabled={setStatus.isPending}
          onChange={(e) => setStatus.mutate(e.target.value as Status)}
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="action">
        <label htmlFor={assigneeId}>Assignee</label>
        <select
          id={assigneeId}
          value={c.assigneeId ?? ''}
          disabled={assign.isPending}
          onChange={(e) => assign.mutate(e.target.value || null)}
        >
          <option value="">Nobody</option>
          {[...(members.data?.values() ?? [])].map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      {me?.user.id && c.assigneeId !== me.user.id && (
        <button type="button" onClick={() => assign.mutate(me.user.id)} disabled={assign.isPending}>
          Assign to me
        </button>
      )}
      <p role="status" className="said">
        {said}
      </p>
      {error && <p role="alert">{error.message}</p>}
    </div>
  );
}
