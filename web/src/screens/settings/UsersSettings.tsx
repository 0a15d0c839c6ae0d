import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { at } from '../../format';
import { RoleOptions, useSubmit, type Role } from './shared';

type Member = Schemas['Member'];
type Capacity = Schemas['Capacity'];
const kinds = ['chat', 'email', 'phone', 'social'] as const;

// The workspace's members: their role, how many conversations of each kind routing may give each
// at once, and a form to add someone (their account is created if the email is new).
export function UsersSettings() {
  const members = useQuery({ queryKey: ['members'], queryFn: () => call(api.GET('/users')) });
  const [editing, setEditing] = useState<string | null>(null);
  const member = members.data?.data.find((m) => m.id === editing);
  return (
    <>
      <section aria-labelledby="users-title">
        <h2 id="users-title">Users and roles</h2>
        {members.isError && <p role="alert">Members could not be loaded: {members.error.message}</p>}
        <div className="scroll-x">
          <table className="inbox">
            <caption className="visually-hidden">Members of the workspace</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Capacity at once</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data?.data.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>{m.role}</td>
                  <td>{kinds.map((k) => `${k} ${m.capacity[k]}`).join(' · ')}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Edit ${m.name}`}
                      aria-expanded={editing === m.id}
                      onClick={() => setEditing(editing === m.id ? null : m.id)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {member && <EditMember key={member.id} member={member} onDone={() => setEditing(null)} />}
      </section>
      <AddMember />
    </>
  );
}

function EditMember({ member, onDone }: { member: Member; onDone: () => void }) {
  const [role, setRole] = useState<Role>(member.role);
  const [capacity, setCapacity] = useState<Record<keyof Capacity, string>>(
    () =>
      Object.fromEntries(kinds.map((k) => [k, String(member.capacity[k])])) as Record<keyof Capacity, string>,
  );
  const { mutation, problem, submit } = useSubmit(
    () => {
      // Only what changed is sent: a role change is checked against the caller's own rank.
      const changed = kinds.filter((k) => Number(capacity[k]) !== member.capacity[k]);
      if (role === member.role && !changed.length) return Promise.resolve(member);
      return call(
        api.PATCH('/users/{id}', {
          params: { path: { id: member.id } },
          body: {
            ...(role !== member.role ? { role } : {}),
            ...(changed.length
              ? { capacity: Object.fromEntries(changed.map((k) => [k, Number(capacity[k])])) }
              : {}),
          },
        }),
      );
    },
    [['members']],
    onDone,
  );
  const fields = ['role', ...kinds.map((k) => `capacity.${k}`)];
  return (
    <form onSubmit={submit} className="settings-form panel" aria-labelledby="edit-member-title">
      <h3 id="edit-member-title">Edit {member.name}</h3>
      <Field label="Role" error={problem?.reasonFor('role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <RoleOptions />
        </select>
      </Field>
      <fieldset className="capacity">
        <legend>Conversations at once, per channel</legend>
        {kinds.map((k) => (
          <Field
            key={k}
            label={`${k[0]!.toUpperCase()}${k.slice(1)} capacity`}
            error={problem?.reasonFor(`capacity.${k}`)}
          >
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={capacity[k]}
              onChange={(e) => setCapacity({ ...capacity, [k]: e.target.value })}
              required
            />
          </Field>
        ))}
      </fieldset>
      <FormError message={formMessage(mutation.error, fields)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={mutation.isPending}>
          Save changes
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p className="muted">Member since {at(member.joinedAt)}.</p>
    </form>
  );
}

function AddMember() {
  const empty = { email: '', name: '', role: 'agent' as Role, password: '' };
  const [form, setForm] = useState(empty);
  const [added, setAdded] = useState<string | null>(null);
  const { mutation, problem, submit } = useSubmit(
    () =>
      call(
        api.POST('/users', {
          body: {
            email: form.email,
            role: form.role,
            ...(form.name ? { name: form.name } : {}),
            ...(form.password ? { password: form.password } : {}),
          },
        }),
      ),
    [['members']],
    (m) => {
      setAdded(`${m.name} was added as ${m.role}.`);
      setForm(empty);
    },
  );
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => {
    setAdded(null);
    setForm({ ...form, [field]: e.target.value });
  };
  return (
    <section aria-labelledby="add-member-title">
      <h2 id="add-member-title">Add a member</h2>
      <form onSubmit={submit} className="settings-form">
        <Field label="Member's email" error={problem?.reasonFor('email')}>
          <input type="email" value={form.email} onChange={set('email')} required autoComplete="off" />
        </Field>
        <Field
          label="Member's name"
          hint="Optional for someone who already has an account"
          error={problem?.reasonFor('name')}
        >
          <input value={form.name} onChange={set('name')} autoComplete="off" />
        </Field>
        <Field label="Member's role" error={problem?.reasonFor('role')}>
          <select value={form.role} onChange={set('role')}>
            <RoleOptions />
          </select>
        </Field>
        <Field
          label="First password"
          hint="For a new account; at least 10 characters. Leave empty for someone who already has one."
          error={problem?.reasonFor('password')}
        >
          <input
            type="password"
            value={form.password}
            onChange={set('password')}
            autoComplete="new-password"
          />
        </Field>
        <FormError message={formMessage(mutation.error, ['email', 'name', 'role', 'password'])} />
        <button type="submit" disabled={mutation.isPending}>
          Add member
        </button>
        <p role="status" className="said">
          {added}
        </p>
      </form>
    </section>
  );
}
