import { useQuery } from '@tanstack/react-query';
import { api, call, ProblemError, type Schemas } from './api/client';

export type Me = Schemas['Me'];

/** Who is signed in: the session's member and workspace, or null before sign-in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await call(api.GET('/me'));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Members of the workspace by id, to name authors, verifiers and assignees. */
export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => call(api.GET('/users')),
    staleTime: 60_000,
    select: (r) => new Map(r.data.map((m) => [m.id, m])),
  });
}
