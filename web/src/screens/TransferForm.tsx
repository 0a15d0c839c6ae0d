import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, call, ProblemError } from '../api/client';
import { Field, FormError, formMessage } from '../Field';
import { useMembers } from '../session';

const fields = ['teamId', 'userId', 'note'];

// Hand the conversation to a team or a person. The handover note is required by the form itself
// (the API requires it too): the next agent reads it, with the verification that travels along.
export function TransferForm({ conversationId }: { conversationId: string }) {
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [teamId, setTeamId] = useState('');
  const [userId, setUserId] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<{ note?: string; teamId?: string }>({});
  const [done, setDone] = useState(false);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const teams = useQuery({
    queryKey: ['teams'],
    queryFn: () => call(api.GET('/teams')),
    enabled: open,
    staleTime: 60_000,
  });
  const members = useMembers();
  const transfer = useMutation({
    mutationFn: () =>
      call(
        api.POST('/conversations/{id}/transfer', {
          params: { path: { id: conversationId } },
          body: { note, ...(teamId ? { teamId } : {}), ...(userId ? { userId } : {}) },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      setNote('');
      setDone(true);
      return queries.invalidateQueries({ queryKey: ['conversation', conversationId] });
    },
  });
  const problem = transfer.error instanceof ProblemError ? transfer.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      ...(note.trim() ? {} : { note: 'A handover note is required' }),
      ...(teamId || userId ? {} : { teamId: 'Choose a team or a person' }),
    };
    setLocal(errors);
    if (errors.note) noteBox.current?.focus();
    if (Object.keys(errors).length === 0) transfer.mutate();
  };
  if (!open)
    return (
      <div className="transfer">
        {done && <p role="status">Transferred.</p>}
        <button type="button" onClick={() => (setOpen(true), setDone(false))}>
          Transfer…
        </button>
      </div>
    );
  return (
    <form className="transfer" onSubmit={submit} noValidate aria-labelledby="transfer-title">
      <h2 id="transfer-title">Transfer</h2>
      <FormError message={formMessage(transfer.error, fields)} />
      <Field label="Team" error={local.teamId ?? problem?.reasonFor('teamId')}>
        <select
          value={teamId}
          onChange={(e) => (setTeamId(e.target.value), setLocal(({ note }) => ({ note })))}
        >
          <option value="">No team</option>
          {teams.data?.data.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Person" error={problem?.reasonFor('userId')}>
        <select
          value={userId}
          onChange={(e) => (setUserId(e.target.value), setLocal(({ note }) => ({ note })))}
        >
          <option value="">Anyone in the team</option>
          {[...(members.data?.values() ?? [])].map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Handover note" error={local.note ?? problem?.reasonFor('note')}>
        <textarea
          ref={noteBox}
          value={note}
          onChange={(e) => (setNote(e.target.value), setLocal(({ teamId }) => ({ teamId })))}
          rows={3}
          required
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={transfer.isPending}>
          Transfer conversation
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
