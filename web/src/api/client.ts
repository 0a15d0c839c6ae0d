import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

// Same-origin requests with the session cookie. The API's defence against cross-site requests is
// the SameSite=Lax session cookie together with bodies accepted only as application/json (a form
// on another site can send neither); openapi-fetch sends every body as JSON, so the app's own
// requests pass exactly the way a forged one cannot.
export const api = createClient<paths>({ baseUrl: '/api/v1', credentials: 'same-origin' });

/** An API answer that was not a success: the RFC 9457 problem it carried. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.detail || problem.title || `The server answered ${status}`);
  }

  /** The reason given for one field, when the problem names it in `invalid_params`. */
  reasonFor(field: string): string | undefined {
    return this.problem.invalid_params?.find((p) => p.name === field)?.reason;
  }

  /** Whether the problem is only about fields the form shows; otherwise it is shown for the form. */
  onlyAbout(fields: readonly string[]): boolean {
    const named = this.problem.invalid_params ?? [];
    return named.length > 0 && named.every((p) => fields.includes(p.name));
  }
}

/** The data of a successful answer, or a ProblemError. */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) {
    const problem = error && typeof error === 'object' ? (error as Partial<Problem>) : {};
    throw new ProblemError(response.status, problem);
  }
  return data as T;
}
