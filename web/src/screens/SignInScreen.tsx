import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, ProblemError } from '../api/client';
import { Field, FormError, formMessage } from '../Field';

const fields = ['email', 'password'];

export function SignInScreen() {
  const queries = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => call(api.POST('/auth/login', { body: { email, password } })),
    onSuccess: (me) => queries.setQueryData(['me'], me),
  });
  const problem = signIn.error instanceof ProblemError ? signIn.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Earshot</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={formMessage(signIn.error, fields)} />
        <Field label="Email" error={problem?.reasonFor('email')}>
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </Field>
        <Field label="Password" error={problem?.reasonFor('password')}>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </Field>
        <button type="submit" className="primary" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>
    </main>
  );
}
