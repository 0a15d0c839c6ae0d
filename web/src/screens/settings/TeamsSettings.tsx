import { useState } from 'react';
import { api, call } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { useTeams } from '../InboxScreen';
import { useSubmit } from './shared';

export function TeamsSettings() {
  const teams = useTeams();
  const [name, setName] = useState('');
  const { mutation, problem, submit } = useSubmit(
    () => call(api.POST('/teams', { body: { name } })),
    [['teams']],
    () => setName(''),
  );
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <ul>
        {teams.data?.data.map((t) => (
          <li key={t.id}>
            {t.name} <span className="muted">({t.memberCount ?? 0} members)</span>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="settings-form">
        <Field label="Team name" error={problem?.reasonFor('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <FormError message={formMessage(mutation.error, ['name'])} />
        <button type="submit" disabled={mutation.isPending}>
          Create team
        </button>
      </form>
    </section>
  );
}
