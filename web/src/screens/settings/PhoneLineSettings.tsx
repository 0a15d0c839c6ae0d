import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { ConfirmButton, useSubmit } from './shared';

type Line = Schemas['PhoneLine'];

const eventsUrl = (line: Line) => `${window.location.origin}/api/v1/channels/phone/${line.id}/events`;

// The numbers Earshot takes calls on: each line's number and the URL its telephony system posts
// call events to. The secret is shown once, when the line is made or given a new one.
export function PhoneLineSettings() {
  const lines = useQuery({ queryKey: ['phone-lines'], queryFn: () => call(api.GET('/channels/phone')) });
  const [shown, setShown] = useState<Line | null>(null);
  return (
    <>
      <section aria-labelledby="phone-lines-title">
        <h2 id="phone-lines-title">Phone lines</h2>
        {lines.isError && <p role="alert">Phone lines could not be loaded: {lines.error.message}</p>}
        {lines.data?.data.length === 0 && <p>No phone lines yet: add one below.</p>}
        {!!lines.data?.data.length && (
          <div className="scroll-x">
            <table className="inbox">
              <caption className="visually-hidden">Phone lines</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Number</th>
                  <th scope="col">Call events URL</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {lines.data.data.map((line) => (
                  <LineRow key={line.id} line={line} onSecret={setShown} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {shown && (
        <div role="status" className="handover">
          <p>
            <strong>{shown.number}</strong>: post call events to{' '}
            <code className="key">{eventsUrl(shown)}</code> with this secret, shown this once: copy it now.
          </p>
          <code className="key">Bearer {shown.secret}</code>
        </div>
      )}
      <CreateLine onCreated={setShown} />
    </>
  );
}

function LineRow({ line, onSecret }: { line: Line; onSecret: (line: Line) => void }) {
  const rotate = useSubmit(
    () =>
      call(
        api.PATCH('/channels/phone/{id}', {
          params: { path: { id: line.id } },
          body: { rotateSecret: true },
        }),
      ),
    [['phone-lines']],
    onSecret,
  );
  const remove = useSubmit(
    () => call(api.DELETE('/channels/phone/{id}', { params: { path: { id: line.id } } })),
    [['phone-lines']],
  );
  return (
    <tr>
      <th scope="row">{line.name}</th>
      <td>{line.number}</td>
      <td>
        <code>{eventsUrl(line)}</code>
      </td>
      <td>
        <button type="button" onClick={() => rotate.mutation.mutate()} disabled={rotate.mutation.isPending}>
          New secret
        </button>{' '}
        <ConfirmButton
          label="Delete"
          confirm={`Delete ${line.name}`}
          onConfirm={() => remove.mutation.mutate()}
          disabled={remove.mutation.isPending}
        />
        <FormError message={formMessage(rotate.mutation.error ?? remove.mutation.error, [])} />
      </td>
    </tr>
  );
}

function CreateLine({ onCreated }: { onCreated: (line: Line) => void }) {
  const empty = { name: '', number: '' };
  const [form, setForm] = useState(empty);
  const { mutation, problem, submit } = useSubmit(
    () => call(api.POST('/channels/phone', { body: form })),
    [['phone-lines']],
    (line) => {
      setForm(empty);
      onCreated(line);
    },
  );
  return (
    <section aria-labelledby="new-line-title">
      <h2 id="new-line-title">Add a phone line</h2>
      <form onSubmit={submit} className="settings-form">
        <Field label="Line name" error={problem?.reasonFor('name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </Field>
        <Field
          label="Number"
          hint="In international format, e.g. +44 20 7946 0000"
          error={problem?.reasonFor('number')}
        >
          <input
            type="tel"
            value={form.number}
            onChange={(e) => setForm({ ...form, number: e.target.value })}
            required
          />
        </Field>
        <FormError message={formMessage(mutation.error, ['name', 'number'])} />
        <button type="submit" disabled={mutation.isPending}>
          Add phone line
        </button>
      </form>
    </section>
  );
}
