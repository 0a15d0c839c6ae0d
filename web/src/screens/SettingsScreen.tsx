import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, ProblemError } from '../api/client';
import { Field, FormError, formMessage } from '../Field';
import { at } from '../format';
import { useTeams } from './InboxScreen';

// Teams and API keys; more settings (users, rubric, mailboxes) are still to come here.
export function SettingsScreen() {
  return (
    <>
      <h1>Settings</h1>
      <Teams />
      <ApiKeys />
    </>
  );
}

function Teams() {
  const teams = useTeams();
  const { name, setName, create, problem, submit } = useNamedCreate(['teams'], (name) =>
    call(api.POST('/teams', { body: { name } })),
  );
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <ul>
        {teams.data?.data.map((t) => (
          <li key={t.id}>{t.name}</li>
        ))}
      </ul>
      <form onSubmit={submit} className="settings-form">
        <Field label="Team name" error={problem?.reasonFor('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <FormError message={formMessage(create.error, ['name'])} />
        <button type="submit" disabled={create.isPending}>
          Create team
        </button>
      </form>
    </section>
  );
}

function ApiKeys() {
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => call(api.GET('/api-keys')) });
  const { name, setName, create, problem, submit } = useNamedCreate(['api-keys'], (name) =>
    call(api.POST('/api-keys', { body: { name, role: 'agent' } })),
  );
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <ul>
        {keys.data?.data.map((k) => (
          <li key={k.id}>
            {k.name} <code>{k.prefix}…</code>{' '}
            <span className="muted">
              {k.role}, created {at(k.createdAt)}
            </span>
            {k.revokedAt && <span className="muted"> (revoked)</span>}
          </li>
        ))}
      </ul>
      {create.data && (
        <div role="status" className="handover">
          <p>
            The key for <strong>{create.data.name}</strong>, shown this once: copy it now.
          </p>
          <code className="key">{create.data.key}</code>
        </div>
      )}
      <form onSubmit={submit} className="settings-form">
        <Field label="Key name" hint="An agent's key, for an integration" error={problem?.reasonFor('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <FormError message={formMessage(create.error, ['name'])} />
        <button type="submit" disabled={create.isPending}>
          Create API key
        </button>
      </form>
    </section>
  );
}

/** A form that creates something from its name, then clears the name and reloads the list. */
function useNamedCreate<T>(list: string[], make: (name: string) => Promise<T>) {
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => make(name),
    onSuccess: () => {
      setName('');
      return queries.invalidateQueries({ queryKey: list });
    },
  });
  const problem = create.error instanceof ProblemError ? create.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return { name, setName, create, problem, submit };
}
