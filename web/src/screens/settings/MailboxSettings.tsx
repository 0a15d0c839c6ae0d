import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { at, duration } from '../../format';
import { MailLog } from './MailLog';
import { ConfirmButton, useSubmit } from './shared';

type Mailbox = Schemas['Mailbox'];
type ImapInput = Schemas['ImapSettingsInput'];

// The addresses Earshot receives email at: each mailbox's state, its settings, and its mail log.
export function MailboxSettings() {
  const mailboxes = useQuery({ queryKey: ['mailboxes'], queryFn: () => call(api.GET('/channels/email')) });
  const [open, setOpen] = useState<string | null>(null);
  const [created, setCreated] = useState<Mailbox | null>(null);
  const selected = mailboxes.data?.data.find((m) => m.id === open);
  return (
    <>
      <section aria-labelledby="mailboxes-title">
        <h2 id="mailboxes-title">Email mailboxes</h2>
        {mailboxes.isError && <p role="alert">Mailboxes could not be loaded: {mailboxes.error.message}</p>}
        {mailboxes.data?.data.length === 0 && <p>No mailboxes yet: add one below.</p>}
        {!!mailboxes.data?.data.length && (
          <div className="scroll-x">
            <table className="inbox">
              <caption className="visually-hidden">Mailboxes</caption>
              <thead>
                <tr>
                  <th scope="col">Mailbox</th>
                  <th scope="col">Address</th>
                  <th scope="col">Fetching</th>
                  <th scope="col">Unparsed</th>
                  <th scope="col">Last mail</th>
                </tr>
              </thead>
              <tbody>
                {mailboxes.data.data.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        aria-expanded={open === m.id}
                        onClick={() => setOpen(open === m.id ? null : m.id)}
                      >
                        {m.name}
                      </button>
                    </th>
                    <td>{m.address}</td>
                    <td>
                      <ImapState mailbox={m} />
                    </td>
                    <td>{m.unparsed}</td>
                    <td>{m.lastReceivedAt ? at(m.lastReceivedAt) : 'None yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {created && (
        <div role="status" className="handover">
          <p>
            <strong>{created.address}</strong> receives mail now. For a mail provider that posts raw messages,
            post them to <code className="key">/api/v1/channels/email/{created.id}/inbound</code> with this
            secret, shown this once: copy it now.
          </p>
          <code className="key">Bearer {created.inboundSecret}</code>
        </div>
      )}
      {selected ? (
        <MailboxDetail key={selected.id} mailbox={selected} onDeleted={() => setOpen(null)} />
      ) : (
        <CreateMailbox onCreated={setCreated} />
      )}
    </>
  );
}

function ImapState({ mailbox }: { mailbox: Mailbox }) {
  const imap = mailbox.imap;
  if (!imap) return <span className="muted">Receives directly (SMTP or posted)</span>;
  return (
    <span>
      IMAP {imap.host}
      {imap.lastError ? (
        <span className="badge note"> Error: {imap.lastError}</span>
      ) : imap.lagSeconds == null ? (
        <span className="muted"> · not read yet</span>
      ) : (
        <span className="muted"> · read to the end {duration(imap.lagSeconds)} ago</span>
      )}
    </span>
  );
}

type Form = {
  address: string;
  name: string;
  autoAcknowledge: boolean;
  imapOn: boolean;
  imap: { host: string; port: string; secure: boolean; user: string; password: string; folder: string };
};

const emptyImap = { host: '', port: '993', secure: true, user: '', password: '', folder: 'INBOX' };

function imapBody({ imap }: Form): ImapInput {
  const { host, secure, user, password, folder } = imap;
  return { host, port: Number(imap.port), secure, user, password, folder };
}

function CreateMailbox({ onCreated }: { onCreated: (m: Mailbox) => void }) {
  const empty: Form = { address: '', name: '', autoAcknowledge: true, imapOn: false, imap: emptyImap };
  const [form, setForm] = useState(empty);
  const { mutation, problem, submit } = useSubmit(
    () =>
      call(
        api.POST('/channels/email', {
          body: {
            address: form.address,
            name: form.name,
            autoAcknowledge: form.autoAcknowledge,
            ...(form.imapOn ? { imap: imapBody(form) } : {}),
          },
        }),
      ),
    [['mailboxes']],
    (m) => {
      setForm(empty);
      onCreated(m);
    },
  );
  return (
    <section aria-labelledby="new-mailbox-title">
      <h2 id="new-mailbox-title">Add a mailbox</h2>
      <form onSubmit={submit} className="settings-form">
        <MailboxFields form={form} setForm={setForm} problem={problem} passwordRequired />
        <FormError message={formMessage(mutation.error, fieldNames)} />
        <button type="submit" disabled={mutation.isPending}>
          Add mailbox
        </button>
      </form>
    </section>
  );
}

const fieldNames = [
  'address',
  'name',
  'autoAcknowledge',
  'imap',
  ...Object.keys(emptyImap).map((k) => `imap.${k}`),
];

function MailboxFields({
  form,
  setForm,
  problem,
  passwordRequired,
}: {
  form: Form;
  setForm: (f: Form) => void;
  problem?: { reasonFor(field: string): string | undefined };
  passwordRequired: boolean;
}) {
  const imap = (key: keyof Form['imap']) => ({
    value: String(form.imap[key]),
    onChange: (e: { target: { value: string } }) =>
      setForm({ ...form, imap: { ...form.imap, [key]: e.target.value } }),
  });
  return (
    <>
      <Field
        label="Address"
        hint="Without a +tag, e.g. support@example.com"
        error={problem?.reasonFor('address')}
      >
        <input
          type="email"
          value={form.address}
          onChange={(e) => setForm({ ...form, address: e.target.value })}
          required
        />
      </Field>
      <Field label="Mailbox name" error={problem?.reasonFor('name')}>
        <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
      </Field>
      <label className="toggle">
        <input
          type="checkbox"
          checked={form.autoAcknowledge}
          onChange={(e) => setForm({ ...form, autoAcknowledge: e.target.checked })}
        />
        Acknowledge new mail automatically
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={form.imapOn}
          onChange={(e) => setForm({ ...form, imapOn: e.target.checked })}
        />
        Fetch it from another mail server over IMAP
      </label>
      {form.imapOn && (
        <fieldset>
          <legend>IMAP</legend>
          <Field label="IMAP host" error={problem?.reasonFor('imap.host')}>
            <input {...imap('host')} required />
          </Field>
          <Field label="IMAP port" error={problem?.reasonFor('imap.port')}>
            <input type="number" min={1} max={65535} {...imap('port')} required />
          </Field>
          <label className="toggle">
            <input
              type="checkbox"
              checked={form.imap.secure}
              onChange={(e) => setForm({ ...form, imap: { ...form.imap, secure: e.target.checked } })}
            />
            TLS from the start (port 993)
          </label>
          <Field label="IMAP user" error={problem?.reasonFor('imap.user')}>
            <input {...imap('user')} required autoComplete="off" />
          </Field>
          <Field
            label="IMAP password"
            hint={
              passwordRequired
                ? 'Stored sealed; never shown again'
                : 'Stored sealed; type it again to change the settings'
            }
            error={problem?.reasonFor('imap.password')}
          >
            <input type="password" {...imap('password')} required autoComplete="new-password" />
          </Field>
          <Field label="IMAP folder" error={problem?.reasonFor('imap.folder')}>
            <input {...imap('folder')} required />
          </Field>
        </fieldset>
      )}
    </>
  );
}

function MailboxDetail({ mailbox, onDeleted }: { mailbox: Mailbox; onDeleted: () => void }) {
  const queries = useQueryClient();
  const [form, setForm] = useState<Form>({
    address: mailbox.address,
    name: mailbox.name,
    autoAcknowledge: mailbox.autoAcknowledge,
    imapOn: !!mailbox.imap,
    imap: mailbox.imap
      ? {
          host: mailbox.imap.host,
          port: String(mailbox.imap.port),
          secure: mailbox.imap.secure,
          user: mailbox.imap.user,
          password: '',
          folder: mailbox.imap.folder,
        }
      : emptyImap,
  });
  const [said, setSaid] = useState('');
  const { mutation, problem, submit } = useSubmit(
    () =>
      call(
        api.PATCH('/channels/email/{id}', {
          params: { path: { id: mailbox.id } },
          body: {
            address: form.address,
            name: form.name,
            autoAcknowledge: form.autoAcknowledge,
            // IMAP settings are sent only when changed (they need the password), or to stop fetching.
            ...(form.imapOn && form.imap.password ? { imap: imapBody(form) } : {}),
            ...(!form.imapOn && mailbox.imap ? { imap: null } : {}),
          },
        }),
      ),
    [['mailboxes']],
    () => setSaid('Mailbox saved.'),
  );
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/channels/email/{id}', { params: { path: { id: mailbox.id } } })),
    onSuccess: () => {
      onDeleted();
      return queries.invalidateQueries({ queryKey: ['mailboxes'] });
    },
  });
  return (
    <section aria-labelledby="mailbox-title" className="panel">
      <h2 id="mailbox-title">{mailbox.name}</h2>
      <p className="muted">
        {mailbox.address} · {mailbox.unparsed} unparsed · added {at(mailbox.createdAt)}
      </p>
      {mailbox.imap?.lastError && (
        <p className="form-error">
          IMAP: {mailbox.imap.lastError}
          {mailbox.imap.lastPollAt && <> (tried {at(mailbox.imap.lastPollAt)})</>}
        </p>
      )}
      <form onSubmit={submit} className="settings-form">
        <MailboxFields
          form={form}
          setForm={(f) => {
            setSaid('');
            setForm(f);
          }}
          problem={problem}
          passwordRequired={!mailbox.imap}
        />
        <FormError message={formMessage(mutation.error, fieldNames)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={mutation.isPending}>
            Save mailbox
          </button>
          <ConfirmButton
            label={`Delete ${mailbox.name}`}
            confirm={`Yes, stop receiving at ${mailbox.address}`}
            onConfirm={() => remove.mutate()}
            disabled={remove.isPending}
          />
        </div>
        <FormError message={remove.error?.message} />
        <p role="status" className="said">
          {said}
        </p>
      </form>
      {mailbox.bouncedAddresses.length > 0 && (
        <>
          <h3>Bounced recipients</h3>
          <ul>
            {mailbox.bouncedAddresses.map((b) => (
              <li key={b.address}>
                {b.address}: {b.bounces} bounces, the last {at(b.lastBouncedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      <MailLog mailboxId={mailbox.id} />
    </section>
  );
}
