import { randomUUID } from 'node:crypto';
import type { IdentityType } from '../modules/customers/schema.js';
import { normalizeIdentity, type NormalizedIdentity } from '../modules/customers/index.js';
import { countries, firstNames, lastNames, type Country } from './people.js';
import type { Domain } from './phrases/scenario.js';
import { slotValues } from './phrases/slot-values.js';
import type { Random } from './random.js';

export type DemoCustomer = {
  id: string;
  name: string;
  first: string;
  country: Country;
  currency: string;
  city: string;
  domain: Domain;
  phoneTail: string;
  attributes: Record<string, unknown>;
  lifetimeValueCents: number;
  lifecycleStatus: 'active' | 'lost';
  customerSince: Date;
  lostAt: Date | null;
  identities: NormalizedIdentity[];
  /** How often this customer gets in touch, relative to others. */
  weight: number;
  /** For lost customers: the kind of trouble that preceded the loss. */
  churnScenarios: readonly string[];
};

const DAY = 86_400_000;
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example'];
const US_AREA_CODES = ['201', '212', '312', '415', '503', '617', '702', '206', '305', '404'];
const LOSS_REASONS = [
  { reason: 'Repeated broadband drops', scenarios: ['broadband-dropping', 'slow-speeds', 'cancel-contract'] },
  { reason: 'Billing dispute never settled', scenarios: ['bill-shock', 'cancel-contract'] },
  { reason: 'Refund took six weeks', scenarios: ['refund-missing', 'late-delivery'] },
  { reason: 'Number transfer failed', scenarios: ['number-port', 'cancel-contract'] },
  { reason: 'Outage with no updates', scenarios: ['outage', 'cancel-contract'] },
  { reason: 'Integration broke and stayed broken', scenarios: ['integration-broken', 'export-failing'] },
];

// Every identity is unique within the workspace, as the real constraint demands; the phone
// numbers come from ranges set aside for fiction (Ofcom's 07700 900xxx, the US 555-01xx, and
// Australia's 0491 570 xxx), so a demo never texts a real person.
export function buildCustomers(
  random: Random,
  count: number,
  lostCount: number,
  now: Date,
  /** Identities the workspace already has, as `type:value`; the demo never reuses one. */
  taken: ReadonlySet<string> = new Set(),
): DemoCustomer[] {
  const used = new Set(taken);
  const unique = (type: IdentityType, make: () => string): NormalizedIdentity => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const identity = must(normalizeIdentity(type, make()));
      const key = `${type}:${identity.value}`;
      if (!used.has(key)) {
        used.add(key);
        return identity;
      }
    }
    throw new Error(`The demo ran out of unique ${type} identities; load fewer customers`);
  };
  const lost = new Set<number>();
  while (lost.size < Math.min(lostCount, count)) lost.add(random.int(0, count - 1));

  return Array.from({ length: count }, (_, index) => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const country = random.weighted<Country>({ GB: 5, US: 4, AU: 2 });
    const domain = random.weighted<Domain>({ telecom: 5, commerce: 4, saas: 2 });
    const business = domain === 'saas' || random.chance(0.12);
    const phone = unique('phone', () => phoneFor(random, country));
    const identities = [
      unique('email', () => emailFor(random, first, last)),
      phone,
      unique('account', () => `AC-${random.int(1_000_000, 9_999_999)}`),
    ];
    const attributes: Record<string, unknown> = {
      country,
      city: random.pick(countries[country].cities),
      segment: business ? 'business' : 'consumer',
      plan: domain === 'saas' ? `${random.pick(slotValues.tier)} plan` : random.pick(slotValues.plan),
    };
    if (random.chance(0.3)) {
      identities.push(
        unique(
          'social',
          () =>
            `@${ascii(first)}${random.chance(0.5) ? '_' : ''}${ascii(last).slice(0, 4)}${random.int(1, 99)}`,
        ),
      );
      // Reach: most people have a few hundred followers, a few have an audience.
      attributes.followers = random.chance(0.05)
        ? random.int(20_000, 90_000)
        : Math.round(Math.exp(4 + random.next() * 4.5));
    }
    const isLost = lost.has(index);
    const loss = isLost ? random.pick(LOSS_REASONS) : undefined;
    if (loss) attributes.lossReason = loss.reason;
    const yearly = business ? random.int(1_500, 24_000) : random.int(90, 1_400);
    const since = new Date(now.getTime() - random.int(60, 2_900) * DAY);
    const years = Math.max(0.2, (now.getTime() - since.getTime()) / (365 * DAY));
    return {
      id: randomUUID(),
      name: `${first} ${last}`,
      first,
      country,
      currency: countries[country].currency,
      city: attributes.city as string,
      domain,
      phoneTail: phone.value.slice(-4),
      attributes,
      // Lost customers are the expensive ones: the loss is counted in money.
      lifetimeValueCents: Math.round(yearly * years * (isLost ? 1.5 : 1)) * 100,
      lifecycleStatus: isLost ? 'lost' : 'active',
      customerSince: since,
      lostAt: isLost ? new Date(now.getTime() - random.int(3, 80) * DAY) : null,
      identities,
      weight: isLost ? 4 : business ? 2 : 0.5 + random.next() * 1.5,
      churnScenarios: loss?.scenarios ?? [],
    };
  });
}

function emailFor(random: Random, first: string, last: string): string {
  const f = ascii(first);
  const l = ascii(last);
  const local = random.pick([
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}.${l}`,
    `${f}_${l}`,
    `${f}${random.int(1, 99)}`,
    `${l}.${f}`,
  ]);
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}

function phoneFor(random: Random, country: Country): string {
  switch (country) {
    case 'GB':
      return `+44 7700 900${String(random.int(0, 999)).padStart(3, '0')}`;
    case 'US':
      return `+1 ${random.pick(US_AREA_CODES)} 555 01${String(random.int(0, 99)).padStart(2, '0')}`;
    case 'AU':
      return `+61 491 570 ${String(random.int(6, 159)).padStart(3, '0')}`;
  }
}

const ascii = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

function must(identity: NormalizedIdentity | { error: string }): NormalizedIdentity {
  if ('error' in identity) throw new Error(`Demo identity is not valid: ${identity.error}`);
  return identity;
}
