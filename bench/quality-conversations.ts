// The bench's conversations: five support scenarios (double charge, late parcel, broadband fault,
// account change, cancellation) filled in from a seeded generator, 20 turns each.
import { loadCallSet, loadEvalSet } from '../eval/quality/load-eval-set.js';
import type { Transcript } from '../src/engine/quality/index.js';

type Scenario = {
  opening: string[];
  detail: string[];
  cause: string[];
  followUp: string[];
  answer: string[];
  feeling: string[];
  action: string[];
  confirm: string[];
};

const scenarios: Scenario[] = [
  {
    opening: [
      "Hi, I've been charged twice for my {product} order this month.",
      'hello, there are two payments of {amount} on my card for one order',
    ],
    detail: [
      'Both payments went out on {day}, same amount.',
      'I only placed one order, I checked my emails.',
    ],
    cause: [
      'I can see the second payment. Our payment provider retried the charge after a timeout on {day}, which should not have happened.',
      'Thanks for waiting. The duplicate came from a retry on our side when the first payment was slow to confirm.',
    ],
    followUp: ['So when do I get the money back?', 'will the refund go back to the same card?'],
    answer: [
      "It goes back to the card you paid with, and you'll see it within 3-5 working days.",
      'Refunds land on the original card, usually within three working days.',
    ],
    feeling: ["Honestly that's annoying, I'm tight on money this month.", 'ok, bit frustrating but fine'],
    action: [
      "I understand how stressful that is when money's tight. I've refunded the duplicate {amount} now and added a note so it can't happen again.",
      "That sounds really frustrating. I've reversed the second payment of {amount} and you'll get an email confirming it.",
    ],
    confirm: [
      'I can see the refund pending in my banking app now, thanks.',
      'Just got the email confirming the refund. Thank you!',
    ],
  },
  {
    opening: [
      'My parcel was supposed to arrive on {day} and tracking still says in transit.',
      "hi, order {order} hasn't arrived and it was due {day}",
    ],
    detail: [
      "It's a birthday present so I need it by the weekend.",
      'The tracking has not moved for three days.',
    ],
    cause: [
      'The courier had a backlog at the {city} depot, so your parcel missed its slot.',
      'I can see the parcel is stuck at the {city} depot because of a sorting delay.',
    ],
    followUp: ['Is it going to get here before Saturday?', 'can you send another one instead?'],
    answer: [
      "Yes, I've booked it onto a priority van for tomorrow before 1pm.",
      "I've sent a replacement by next-day delivery and the original will come back to us.",
    ],
    feeling: [
      "Thank goodness, I was worried I'd have nothing to give her.",
      'ok that helps, I was getting stressed about it',
    ],
    action: [
      "I'm sorry it's been such a worry. You'll get a text with a one-hour window tomorrow morning.",
      "Sorry for the stress this caused. I've also refunded the delivery charge of {amount}.",
    ],
    confirm: [
      'Got the text with the delivery window, perfect.',
      'The tracking has updated to out for delivery, brilliant.',
    ],
  },
  {
    opening: [
      'My broadband has been down since this morning and I work from home.',
      'internet keeps dropping every ten minutes since {day}',
    ],
    detail: ['The router light is flashing orange.', "I've restarted the router twice already."],
    cause: [
      'There was a fault on the line in your area which our engineers fixed about twenty minutes ago.',
      'I can see the line was dropping because of a faulty port at the exchange.',
    ],
    followUp: ['Do I need to do anything on my side?', 'why did nobody tell me about the fault?'],
    answer: [
      'Please restart the router once more: switch it off at the wall, wait thirty seconds, then switch it back on.',
      "You're right, we should have sent a text about the fault; I've turned on fault alerts for your account.",
    ],
    feeling: [
      "It's been a really stressful morning to be honest.",
      'fine, just frustrating when I have calls all day',
    ],
    action: [
      "That sounds like an awful morning with calls to make. I've added a credit of {amount} to your bill for the downtime.",
      "I'm sorry, that's a rotten start to the day. I'll keep an eye on the line for the next 24 hours.",
    ],
    confirm: [
      'Router light is green now and the internet is back, thanks.',
      'It is working again, just ran a speed test and it looks fine.',
    ],
  },
  {
    opening: [
      'How do I change the email address on my account?',
      "hi, I can't work out how to update my address in the app",
    ],
    detail: ['I moved house last month.', 'My old email is one I no longer use.'],
    cause: [
      'Here is how: open the app, go to Account > Profile, tap Edit next to the field, then save.',
      'In the app go to Settings > Personal details, tap the pencil icon and enter the new details.',
    ],
    followUp: ['Will I need to verify the new one?', 'does that change where my bills are sent?'],
    answer: [
      "Yes, you'll get a verification link at the new address; click it within 24 hours.",
      'Yes, bills and letters will go to the new details from the next cycle.',
    ],
    feeling: ['ok great, that sounds easy enough', 'right, thanks, the menus are a bit confusing'],
    action: [
      "Happy to help. If the link doesn't arrive, tell me and I'll resend it.",
      "Fair point about the menus; I've passed that to our app team as a suggestion.",
    ],
    confirm: [
      'Done it, I got the verification email and clicked the link.',
      'Found it and changed it, the app shows the new details now.',
    ],
  },
  {
    opening: [
      "I'd like to cancel my {product} subscription please.",
      "hi, I want to close my account, I'm moving abroad next month",
    ],
    detail: ["I don't use it enough any more.", "I'm relocating to {city} for work."],
    cause: [
      'Of course. Your subscription runs until the end of the billing period on {day}.',
      'No problem, I can do that for you now. Your account will close on {day}.',
    ],
    followUp: ['Will I be charged again?', 'what happens to my data?'],
    answer: [
      'No, there are no further charges after {day}.',
      'You can export everything from Settings > Data for 60 days after closing.',
    ],
    feeling: ['ok, thanks for making it easy', 'good, I was expecting a hard sell'],
    action: [
      "I've cancelled it and you'll get a confirmation email shortly.",
      "I've scheduled the closure for {day} and sent you the details by email.",
    ],
    confirm: [
      'Got the confirmation email, thanks.',
      'The app says the subscription ends on {day}, all good.',
    ],
  },
];

const names = ['Sam', 'Priya', 'Tom', 'Aisha', 'Luca', 'Mei', 'Ola', 'Grace', 'Dev', 'Nina'];
const products = ['Plus', 'premium', 'streaming', 'meal box', 'cloud storage', 'Pro'];
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', '12 March', '3 June'];
const cities = ['Leeds', 'Bristol', 'Glasgow', 'Cardiff', 'Dublin', 'Lisbon'];

// Deterministic so every run scores the same conversations.
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const buildConversations = (count: number, seed = 7): Transcript[] => {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const conversations: Transcript[] = [];
  for (let n = 0; n < count; n += 1) {
    const s = pick(scenarios);
    const name = pick(names);
    const values: Record<string, string> = {
      product: pick(products),
      amount: `£${(5 + Math.floor(next() * 90)).toFixed(2)}`,
      day: pick(days),
      city: pick(cities),
      order: `ZX-${10000 + Math.floor(next() * 89999)}`,
    };
    const fill = (line: string): string => line.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
    const pairs: [string, string][] = [
      [pick(s.opening), `Hi ${name}, thanks for getting in touch. Let me take a look at this for you.`],
      [pick(s.detail), 'Thanks, that helps. Could you confirm the postcode on the account so I can find it?'],
      [
        `It's ${pick(['LS6 2PQ', 'BS1 4DJ', 'G12 8QQ', 'CF10 1AA'])}.`,
        'Thank you, I have your account open now. Give me a moment to check.',
      ],
      [pick(['ok', 'sure, no rush', 'thanks']), pick(s.cause)],
      [pick(s.followUp), pick(s.answer)],
      [pick(s.feeling), pick(s.action)],
      [
        'How long will that take to show?',
        `It should show by ${values.day}, and you'll get an email when it does.`,
      ],
      [
        'Can you also send me a summary by email?',
        "Of course, I've sent a summary to the email address on your account.",
      ],
      [pick(s.confirm), 'Great, glad that is sorted. Is there anything else I can help with today?'],
      [
        pick(['no that is everything, thanks', 'nope, all good', 'no, thank you']),
        `You're welcome, ${name}. Have a lovely evening.`,
      ],
    ];
    const turns: Transcript['turns'] = [];
    pairs.forEach(([customer, agent], i) => {
      turns.push({ role: 'customer', text: fill(customer), at: i * 90_000 });
      turns.push({ role: 'agent', text: fill(agent), at: i * 90_000 + 45_000, agent: 'Alex' });
    });
    conversations.push({ id: `bench-${n}`, channel: 'chat', customer: { name: `${name} Example` }, turns });
  }
  return conversations;
};

// The conversations of eval/quality, which nobody built from templates: the written set, then each
// real call as people and as ASR transcribed it.
export const evalConversations = (): Transcript[] => [
  ...loadEvalSet('all').map((c) => c.transcript as Transcript),
  ...loadCallSet('all').flatMap((c) => [c.transcript as Transcript, c.asrTranscript as Transcript]),
];
