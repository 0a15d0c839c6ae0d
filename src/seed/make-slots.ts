import type { DemoCustomer } from './build-customers.js';
import type { Slots } from './fill.js';
import { demoStaff } from './people.js';
import { slotValues } from './phrases/slot-values.js';
import type { Random } from './random.js';

const SUPERVISOR = demoStaff.find((s) => s.role === 'supervisor')!.name.split(' ')[0]!;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// The particulars of one conversation: the same order number, amount and device from the
// first message to the last.
export function makeSlots(random: Random, customer: DemoCustomer): Slots {
  const plan =
    typeof customer.attributes.plan === 'string' && customer.domain === 'telecom'
      ? customer.attributes.plan
      : random.pick(slotValues.plan);
  return {
    first: customer.first,
    city: customer.city,
    phoneTail: customer.phoneTail,
    amount: `${customer.currency}${random.int(8, 240)}.${String(random.int(0, 99)).padStart(2, '0')}`,
    order: `#${random.int(100_000, 999_999)}`,
    ref: `CS-${random.int(100_000, 999_999)}`,
    product: random.pick(slotValues.product),
    variant: random.pick(slotValues.variant),
    plan,
    tier: random.pick(slotValues.tier),
    device: random.pick(slotValues.device),
    country: random.pick(slotValues.country),
    app: random.pick(slotValues.app),
    code: random.pick(slotValues.code),
    day: random.pick(slotValues.day),
    days: String(random.int(2, 9)),
    speed: String(random.int(12, 60)),
    seats: String(random.int(5, 40)),
    otp: String(random.int(100_000, 999_999)),
    pin: String(random.int(1_000, 9_999)),
    last4: String(random.int(1_000, 9_999)),
    street: random.pick(slotValues.street),
    dob: `${random.int(1, 28)} ${random.pick(MONTHS)} ${random.int(1950, 2003)}`,
    topic: random.pick(slotValues.topic),
    supervisor: SUPERVISOR,
  };
}
