import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Field, FormError } from '../../Field';
import { at } from '../../format';
import { ConfirmButton } from './shared';

type Change = Schemas['ChatWidgetChange'];
type Widget = Schemas['ChatWidget'];

// The chat widget: the tag to paste on the site, who may chat, where chats go, and the secret the
// site signs its customers' ids with.
export function WidgetSettings() {
  const widget = useQuery({ queryKey: ['chat-widget'], queryFn: () => call(api.GET('/channels/widget')) });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => call(api.GET('/teams')) });
  const queries = useQueryClient();
  // Each control saves as it changes and shows the change at once: the choice is held in state set
  // by the control's own handler (a controlled checkbox whose value changes only later snaps
  // back), until the server has answered; a refusal then shows what is stored.
  const [chosen, setChosen] = useState<Omit<Change, 'rotateSecret'>>({});
  const mutation = useMutation({
    mutationFn: (change: Change) => call(api.PATCH('/channels/widget', { body: change })),
    onSuccess: (saved) => queries.setQueryData(['chat-widget'], saved),
  });
  const save = ({ rotateSecret, ...shown }: Change) => {
    setChosen((c) => ({ ...c, ...shown }));
    mutation.mutate(rotateSecret ? { rotateSecret } : shown, {
      onSettled: () =>
        setChosen((c) => Object.fromEntries(Object.entries(c).filter(([key]) => !(key in shown)))),
    });
  };
  const w: Widget | undefined = widget.data && { ...widget.data, ...chosen };
  if (widget.isError) return <p role="alert">The chat widget could not be loaded: {widget.error.message}</p>;
  if (!w) return <p>Loading…</p>;
  const snippet = `<script src="${window.location.origin}/widget.js" data-workspace="${w.workspaceKey}" async></script>`;
  return (
    <section aria-labelledby="widget-title">
      <h2 id="widget-title">Chat widget</h2>
      <p>Paste this tag into every page of your site where the chat should appear:</p>
      <code className="key">{snippet}</code>
      <div className="settings-form">
        <label className="toggle">
          <input
            type="checkbox"
            checked={w.anonymousAllowed}
            onChange={(e) => save({ anonymousAllowed: e.target.checked })}
          />
          Visitors who are not signed in may chat
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={w.enforceSignature}
            onChange={(e) => save({ enforceSignature: e.target.checked })}
          />
          Only customers whose id the site signed may chat
        </label>
        <Field label="Team that answers chats" hint="Chats wait in this team's queue">
          <select value={w.teamId ?? ''} onChange={(e) => save({ teamId: e.target.value || null })}>
            <option value="">No team</option>
            {teams.data?.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <FormError message={mutation.error?.message} />
      </div>
      <h3>Signing secret</h3>
      <p>
        Your site signs each signed-in customer's id:{' '}
        <code>signature = hex HMAC-SHA256(secret, customerId)</code>. Keep the secret on your server.
      </p>
      <code className="key">{w.signingSecret}</code>
      {w.previousSecretValidUntil && (
        <p className="muted">The previous secret still works until {at(w.previousSecretValidUntil)}.</p>
      )}
      <ConfirmButton
        label="Issue a new secret"
        confirm="Issue it (the old one works for 24 hours)"
        onConfirm={() => save({ rotateSecret: true })}
        disabled={mutation.isPending}
      />
    </section>
  );
}
