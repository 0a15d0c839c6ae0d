import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { at } from '../../format';
import { ConfirmButton, RoleOptions, useSubmit, type Role } from './shared';

export function ApiKeysSettings() {
  const queries = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => call(api.GET('/api-keys')) });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const {
    mutation: create,
    problem,
    submit,
  } = useSubmit(
    () => call(api.POST('/api-keys', { body: { name, role } })),
    [['api-keys']],
    () => setName(''),
  );
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p className="muted">A key acts for the person who made it, with at most their role.</p>
      <ul className="plain rows">
        {keys.data?.data.map((k) => (
          <li key={k.id}>
            <span>
              {k.name} <code>{k.prefix}…</code>{' '}
              <span className="muted">
                {k.role}, created {at(k.createdAt)}
                {k.lastUsedAt && <>, last used {at(k.lastUsedAt)}</>}
              </span>
              {k.revokedAt && <span className="muted"> (revoked {at(k.revokedAt)})</span>}
            </span>
            {!k.revokedAt && (
              <ConfirmButton
                label={`Revoke ${k.name}`}
                confirm={`Yes, revoke ${k.name}`}
                onConfirm={() => revoke.mutate(k.id)}
                disabled={revoke.isPending}
              />
            )}
          </li>
        ))}
      </ul>
      <FormError message={revoke.error?.message} />
      {create.data && (
        <div role="status" className="handover">
          <p>
            The key for <strong>{create.data.name}</strong>, shown this once: copy it now.
          </p>
          <code className="key">{create.data.key}</code>
        </div>
      )}
      <form onSubmit={submit} className="settings-form">
        <Field label="Key name" hint="What it is for, e.g. an integration" error={problem?.reasonFor('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field
          label="Key role"
          hint="What the key may do; never more than your own role"
          error={problem?.reasonFor('role')}
        >
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <RoleOptions />
          </select>
        </Field>
        <FormError message={formMessage(create.error, ['name', 'role'])} />
        <button type="submit" disabled={create.isPending}>
          Create API key
        </button>
      </form>
    </section>
  );
}
