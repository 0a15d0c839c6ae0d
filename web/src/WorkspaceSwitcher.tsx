import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, call } from './api/client';
import { navigate } from './router';
import type { Me } from './session';

/**
 * Who is signed in, and where. A person in several workspaces picks another here: the session
 * moves there, everything of the last workspace is dropped from memory, and the inbox opens.
 */
export function WorkspaceSwitcher({ me }: { me: Me }) {
  const id = useId();
  const queries = useQueryClient();
  const mine = useQuery({
    queryKey: ['my-workspaces'],
    queryFn: () => call(api.GET('/me/workspaces')),
    enabled: me.auth === 'session',
    staleTime: 60_000,
  });
  const change = useMutation({
    mutationFn: (workspaceId: string) => call(api.POST('/me/workspace', { body: { workspaceId } })),
    onSuccess: (now) => {
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      navigate('/');
      queries.setQueryData(['me'], now);
    },
  });
  const [picked, setPicked] = useState(me.workspace.id);
  const who = me.user.name ?? me.user.email;
  // Picked, then confirmed with the button: an arrow key on the list must not move the session.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked !== me.workspace.id) change.mutate(picked);
  };
  const workspaces = mine.data?.data ?? [];
  if (workspaces.length < 2)
    return (
      <span className="who">
        {who} · {me.workspace.name}
      </span>
    );
  return (
    <form className="who" onSubmit={submit}>
      {who} ·{' '}
      <label htmlFor={id} className="visually-hidden">
        Workspace
      </label>
      <select id={id} className="switcher" value={picked} onChange={(e) => setPicked(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={change.isPending || picked === me.workspace.id}>
        Switch
      </button>
      {change.isError && (
        <span role="alert" className="error">
          {' '}
          {change.error.message}
        </span>
      )}
    </form>
  );
}
