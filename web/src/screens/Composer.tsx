import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, call, ProblemError } from '../api/client';
import { Field, FormError, formMessage } from '../Field';
import { humanize } from '../format';

const fields = ['text', 'internal'];

// The reply box. While the agent types a reply, the draft is checked (after a short pause) and
// any warning — asking again for what is verified, apologising for the customer's own choice —
// is shown with its reason before anything is sent. What was typed stays on an error.
export function Composer({ conversationId }: { conversationId: string }) {
  const queries = useQueryClient();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const draft = useDebounced(text.trim(), 300);
  const check = useQuery({
    queryKey: ['draft-check', conversationId, draft],
    queryFn: () =>
      call(
        api.POST('/conversations/{id}/draft-check', {
          params: { path: { id: conversationId } },
          body: { text: draft },
        }),
      ),
    enabled: !internal && draft.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const send = useMutation({
    mutationFn: () =>
      call(
        api.POST('/conversations/{id}/messages', {
          params: { path: { id: conversationId } },
          body: { role: 'agent', text, ...(internal ? { internal: true } : {}) },
        }),
      ),
    onSuccess: () => {
      setText('');
      return queries.invalidateQueries({ queryKey: ['conversation', conversationId] });
    },
  });
  const warnings = !internal && text.trim() ? (check.data?.warnings ?? []) : [];
  const problem = send.error instanceof ProblemError ? send.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && !send.isPending) send.mutate();
  };
  // A refusal speaks of the text as it was sent; once the agent edits it, it no longer applies.
  const edit = (next: string) => {
    setText(next);
    if (send.isError) send.reset();
  };
  // Ctrl+Enter (⌘+Enter) sends from the box, as in most chat tools.
  const shortcut = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
  };
  return (
    <form
      className={`composer${internal ? ' internal' : ''}`}
      onSubmit={submit}
      aria-label="Reply to the customer"
    >
      <FormError message={formMessage(send.error, fields)} />
      <Field
        label="Reply"
        error={problem?.reasonFor('text')}
        hint={internal ? 'Internal note: visible to your team, never to the customer' : 'Ctrl+Enter sends'}
      >
        <textarea value={text} onChange={(e) => edit(e.target.value)} onKeyDown={shortcut} rows={4} />
      </Field>
      <div className="draft-check" aria-live="polite">
        {warnings.length > 0 && (
          <ul className="warnings" aria-label="Before you send">
            {warnings.map((w) => (
              <li key={`${w.code}:${w.field ?? ''}`} className="warning">
                <strong>{humanize(w.code).toLowerCase()}</strong>: {w.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="actions">
        <label className="toggle">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />{' '}
          Internal note
        </label>
        <button type="submit" className="primary" disabled={send.isPending || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
