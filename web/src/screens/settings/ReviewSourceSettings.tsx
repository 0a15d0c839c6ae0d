import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { at } from '../../format';
import { useSubmit } from './shared';

type Source = Schemas['ReviewSource'];

// The review sites and social networks Earshot hears from: whether each works (a feed whose
// credentials were refused is shown first, in red, until new ones are entered), and a new one.
export function ReviewSourceSettings() {
  const sources = useQuery({
    queryKey: ['review-sources'],
    queryFn: () => call(api.GET('/channels/reviews')),
  });
  const [created, setCreated] = useState<Source | null>(null);
  const broken = sources.data?.data.filter((s) => s.status === 'needs_reauth') ?? [];
  return (
    <>
      <section aria-labelledby="review-sources-title">
        <h2 id="review-sources-title">Reviews and social mentions</h2>
        {sources.isError && <p role="alert">Review sources could not be loaded: {sources.error.message}</p>}
        {broken.map((s) => (
          <p key={s.id} role="alert" className="form-error">
            {s.name} needs new credentials: {s.lastError}
          </p>
        ))}
        {sources.data?.data.length === 0 && <p>No review sources yet: add one below.</p>}
        {!!sources.data?.data.length && (
          <div className="scroll-x">
            <table className="inbox">
              <caption className="visually-hidden">Review sources</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Site</th>
                  <th scope="col">Status</th>
                  <th scope="col">Feed</th>
                </tr>
              </thead>
              <tbody>
                {sources.data.data.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{s.source}</td>
                    <td>
                      {s.status === 'active' ? (
                        'Active'
                      ) : (
                        <span className="badge unverified">Needs new credentials</span>
                      )}
                      {s.lastError && <span className="muted"> · {s.lastError}</span>}
                    </td>
                    <td>
                      {s.pull ? (
                        <>
                          Polled
                          <span className="muted">
                            {' '}
                            ·{' '}
                            {s.pull.lastSuccessAt ? `last read ${at(s.pull.lastSuccessAt)}` : 'not read yet'}
                          </span>
                        </>
                      ) : (
                        <span className="muted">Posted to Earshot</span>
                      )}
                    </td>
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
            Post <strong>{created.name}</strong>&rsquo;s items to{' '}
            <code className="key">/api/v1/channels/reviews/{created.id}/items</code> with this secret, shown
            this once: copy it now.
          </p>
          <code className="key">Bearer {created.secret}</code>
        </div>
      )}
      <CreateSource onCreated={setCreated} />
    </>
  );
}

function CreateSource({ onCreated }: { onCreated: (s: Source) => void }) {
  const empty = { name: '', source: '' };
  const [form, setForm] = useState(empty);
  const { mutation, problem, submit } = useSubmit(
    () => call(api.POST('/channels/reviews', { body: form })),
    [['review-sources']],
    (s) => {
      setForm(empty);
      onCreated(s);
    },
  );
  return (
    <section aria-labelledby="new-review-source-title">
      <h2 id="new-review-source-title">Add a review source</h2>
      <form onSubmit={submit} className="settings-form">
        <Field label="Name" error={problem?.reasonFor('name')}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </Field>
        <Field
          label="Site"
          hint="e.g. trustpilot; every item posted must name it"
          error={problem?.reasonFor('source')}
        >
          <input
            value={form.source}
            onChange={(e) => setForm({ ...form, source: e.target.value })}
            required
          />
        </Field>
        <FormError message={formMessage(mutation.error, ['name', 'source'])} />
        <button type="submit" disabled={mutation.isPending}>
          Add review source
        </button>
      </form>
    </section>
  );
}
