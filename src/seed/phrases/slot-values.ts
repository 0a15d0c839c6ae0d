// The nouns that make two threads about the same problem read differently.
export const slotValues = {
  product: ['pair of running shoes', 'wireless headset', 'winter jacket', 'coffee grinder', 'standing desk', 'phone case', 'smart speaker', 'backpack', 'kettle', 'desk lamp', 'blender', 'yoga mat'],
  variant: ['size 9', 'size M', 'the navy blue one', 'size 42', 'the graphite finish', 'size L', 'the 1.5 litre version'],
  plan: ['Fibre 150', 'Fibre 500', 'Fibre 900', 'Unlimited Mobile', 'Mobile 30GB', 'SIM Only 12GB', 'Home & Mobile bundle'],
  tier: ['Team', 'Business', 'Starter', 'Enterprise'],
  device: ['router', 'Hub 3', 'Hub 4', 'fibre modem', 'mesh extender'],
  country: ['Spain', 'Portugal', 'France', 'Italy', 'Greece', 'Japan', 'Canada', 'Mexico'],
  app: ['CRM', 'calendar', 'accounting', 'helpdesk', 'payroll'],
  code: ['SPRING20', 'WELCOME10', 'FREESHIP', 'THANKYOU15', 'AUTUMN25'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  street: ['12 Elm Road', '4 Harbour View', '88 Station Street', 'Flat 3, 21 Mill Lane', '7 Orchard Close', '150 Park Avenue'],
  topic: ['broadband', 'billing', 'delivery', 'login', 'phone'],
} as const;
