import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ProblemError, type Schemas } from '../../api/client';
import { humanize } from '../../format';

export type Role = Schemas['Member']['role'];

/** The roles, highest first, as the server ranks them. */
export const roles: Role[] = ['owner', 'admin', 'supervisor', 'agent', 'executive', 'frontline'];

/** The roles as a select's options. */
export function RoleOptions() {
  return roles.map((r) => (
    <option key={r} value={r}>
      {humanize(r)}
    </option>
  ));
}

/**
 * A form's submission: runs `send`, then reloads the lists it changed. What was typed stays in the
 * form's own state, so a refusal loses nothing; the problem is there to show at each field.
 */
export function useSubmit<T>(send: () => Promise<T>, reload: QueryKey[], done?: (result: T) => void) {
  const queries = useQueryClient();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      done?.(result);
      await Promise.all(reload.map((queryKey) => queries.invalidateQueries({ queryKey })));
    },
  });
  const problem = mutation.error instanceof ProblemError ? mutation.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return { mutation, problem, submit };
}

/** A button for what cannot be undone: the first press asks, the second does it. */
export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  disabled,
}: {
  label: string;
  confirm: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={label}>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirm}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
