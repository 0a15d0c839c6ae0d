import type { WorkContext } from '../../platform/tenancy/scope.js';
import {
  customersNamed,
  findCustomerByIdentity,
  findOrCreateCustomer,
  normalizeIdentity,
} from '../customers/index.js';
import type { ReviewItemInput } from './item-contract.js';
import type { CustomerMatch, SuggestedMerge } from './schema.js';

type Author = ReviewItemInput['author'];
type Identity = { type: 'social' | 'email'; value: string };

/*
 * The identities an author can be known by, strongest first: an email the site shared (or a
 * handle that is one) names one person; a handle is normalised the way customers keep social
 * identities ("@Sam_K" and "sam_k" are one).
 */
function identitiesOf(author: Author): Identity[] {
  const out: Identity[] = [];
  for (const candidate of [author.email, author.handle]) {
    if (!candidate) continue;
    const email = normalizeIdentity('email', candidate);
    if ('value' in email) out.push({ type: 'email', value: email.value });
  }
  const social = normalizeIdentity('social', author.handle);
  if ('value' in social) out.push({ type: 'social', value: social.value });
  return out.filter((id, i) => out.findIndex((o) => o.type === id.type && o.value === id.value) === i);
}

/** The existing customer an author is, with the identity that says so; null when nobody holds one. */
export async function matchCustomer(ctx: WorkContext, author: Author): Promise<CustomerMatch | null> {
  for (const identity of identitiesOf(author)) {
    const customerId = await findCustomerByIdentity(ctx, identity);
    if (customerId) return { by: identity.type, customerId, identity };
  }
  return null;
}

/**
 * The customer a case is opened for: the matched one, or a new profile holding the author's
 * strongest identity. A new profile named like someone already known is a likely duplicate: it is
 * suggested for a merge, which a person confirms; nothing is merged here.
 */
export async function customerForCase(
  ctx: WorkContext,
  author: Author,
  known: CustomerMatch | null,
): Promise<{ match: CustomerMatch; suggestedMerges: SuggestedMerge[] }> {
  if (known) return { match: known, suggestedMerges: [] };
  const identity = identitiesOf(author)[0]!;
  const name = author.name?.trim() || author.handle;
  const { customerId } = await findOrCreateCustomer(ctx, identity, name);
  const namesakes = author.name?.trim() ? await customersNamed(ctx, author.name, customerId) : [];
  return {
    match: { by: 'created', customerId, identity },
    suggestedMerges: namesakes.map((c) => ({ customerId: c.id, name: c.name, reason: 'same name' })),
  };
}
