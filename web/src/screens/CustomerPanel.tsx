import type { Schemas } from '../api/client';
import { at, humanize } from '../format';
import { useMembers } from '../session';
import { useCustomer } from './InboxScreen';
import { OpenPromises, QualityScore } from './PromisesAndQuality';
import { SlaTargets } from './SlaTargets';

// Who the customer is, and whether they are already verified in this conversation (how and by
// whom), so nobody asks again for what is known.
export function CustomerPanel({ conversation }: { conversation: Schemas['ConversationDetail'] }) {
  const members = useMembers();
  const customer = useCustomer(conversation.customer.id);
  const v = conversation.verification;
  const verifier = v?.verifiedBy ? (members.data?.get(v.verifiedBy)?.name ?? 'a member') : 'an integration';
  return (
    <aside aria-labelledby="customer-title" className="customer">
      <h2 id="customer-title">{conversation.customer.name}</h2>
      {v ? (
        <p className="badge verified">
          Verified by {verifier} with {humanize(v.method)}, {at(v.verifiedAt)}
        </p>
      ) : (
        <p className="badge unverified">Not verified in this conversation</p>
      )}
      <h3>Identities</h3>
      <ul className="identities">
        {conversation.customer.identities.map((i) => (
          <li key={`${i.type}:${i.displayValue}`}>
            <span className="muted">{i.type}</span> {i.displayValue}
          </li>
        ))}
        {conversation.customer.identities.length === 0 && <li>None recorded</li>}
      </ul>
      {customer.data && (
        <dl>
          <dt>Lifetime value</dt>
          <dd>{(customer.data.lifetimeValueCents / 100).toLocaleString(undefined, { style: 'decimal' })}</dd>
          <dt>Conversations</dt>
          <dd>{customer.data.conversationCount}</dd>
          <dt>Customer since</dt>
          <dd>{at(customer.data.customerSince)}</dd>
        </dl>
      )}
      <SlaTargets sla={conversation.sla} />
      <OpenPromises conversationId={conversation.id} />
      <QualityScore conversationId={conversation.id} />
    </aside>
  );
}
