import { useQuery } from '@tanstack/react-query';
import { api, call, ProblemError, type Schemas } from '../api/client';
import { at, humanize } from '../format';

/** What was promised in this conversation and is still open: the next agent keeps it. */
export function OpenPromises({ conversationId }: { conversationId: string }) {
  const promises = useQuery({
    queryKey: ['conversation', conversationId, 'promises'],
    queryFn: () =>
      call(api.GET('/conversations/{id}/promises', { params: { path: { id: conversationId } } })),
  });
  const open = promises.data?.data.filter((p) => p.status === 'open') ?? [];
  return (
    <section aria-labelledby="promises-title">
      <h3 id="promises-title">Open promises</h3>
      {promises.isError && <p role="alert">Promises could not be loaded: {promises.error.message}</p>}
      {promises.data && open.length === 0 && <p>None</p>}
      {open.length > 0 && (
        <ul className="promises">
          {open.map((p) => (
            <li key={p.id}>
              <strong>{humanize(p.type)}</strong> <code>{p.reference}</code>
              <br />
              {p.terms}
              <br />
              <span className="muted">
                {p.dueAt ? `Due ${at(p.dueAt)}` : `Breaks ${at(p.breaksAt)}`}
              </span> · {p.status}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The conversation's quality score with the evidence behind it, once it has been scored. */
export function QualityScore({ conversationId }: { conversationId: string }) {
  const quality = useQuery({
    queryKey: ['conversation', conversationId, 'quality'],
    queryFn: async (): Promise<Schemas['QualityScore'] | null> => {
      try {
        return await call(
          api.GET('/conversations/{id}/quality', { params: { path: { id: conversationId } } }),
        );
      } catch (error) {
        // Not scored yet: scoring happens once the conversation is finished.
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const q = quality.data;
  return (
    <section aria-labelledby="quality-title">
      <h3 id="quality-title">Quality</h3>
      {quality.isError && <p role="alert">The score could not be loaded: {quality.error.message}</p>}
      {quality.data === null && <p>Not scored yet (scored once resolved or closed).</p>}
      {q && (
        <>
          <p>
            <strong>{q.overall}</strong> / 100 · road {q.road} · {humanize(q.resolution)}
          </p>
          {q.reasons.length > 0 && (
            <ul>
              {q.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {q.evidence.length > 0 && (
            <ol className="evidence" aria-label="Evidence">
              {q.evidence.map((e, i) => (
                <li key={i}>
                  <span className="muted">
                    {humanize(e.criterion)}, turn {e.turn}:
                  </span>{' '}
                  <q>{e.quote}</q> — {e.why}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
