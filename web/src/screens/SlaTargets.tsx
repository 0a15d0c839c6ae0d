import type { Schemas } from '../api/client';
import { at } from '../format';
import { overdue, targetLabels, targetState } from '../sla';
import { useNow } from './InboxScreen';

// The conversation's service-level targets, each with its due time and state in words.
export function SlaTargets({ sla }: { sla: Schemas['ConversationSla'] | undefined }) {
  const now = useNow(30_000);
  return (
    <>
      <h3>Service level</h3>
      {!sla || sla.targets.length === 0 ? (
        <p className="muted">{sla ? 'No targets running' : 'No policy applies'}</p>
      ) : (
        <ul className="sla-targets">
          {sla.targets.map((t) => (
            <li key={t.kind}>
              <strong>{targetLabels[t.kind]}</strong>:{' '}
              <span className={overdue(t, now) ? 'sla overdue' : 'sla'}>{targetState(t, now)}</span>
              {t.dueAt && (
                <>
                  {' '}
                  <span className="muted">
                    (due <time dateTime={t.dueAt}>{at(t.dueAt)}</time>)
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
