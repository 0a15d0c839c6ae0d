import type { Scenario } from './scenario.js';

export const commerceScenarios: readonly Scenario[] = [
  {
    key: 'late-delivery',
    domain: 'commerce',
    team: 'orders',
    channels: ['email', 'chat', 'social', 'api'],
    needsVerification: false,
    subjects: ['Where is my order {order}?', 'Order {order} has not arrived', 'Delivery late'],
    openings: [
      'My order {order} was due {days} days ago and the tracking has not moved since it left the warehouse.',
      'I ordered the {product} for a birthday on {day}. It has not arrived and the tracking just says "in transit".',
      'Still waiting for order {order}. Can you tell me where it actually is?',
    ],
    details: [
      'The tracking link says "label created" and nothing else.',
      "I've checked with the neighbours and the parcel locker. Nothing.",
    ],
    findings: [
      'The courier has your parcel marked as delayed at their depot after a missed connection. It has not been lost.',
      'I have checked with the courier: the parcel was misrouted to another depot and is on its way back.',
      'The {product} sold out after you ordered it and the order was held without anyone telling you. I am sorry — that should never happen silently.',
    ],
    fixes: [
      'The courier has promised delivery tomorrow. I have refunded the delivery charge of {amount} and I will check the tracking myself at noon.',
      "I've sent a replacement {product} by next-day delivery at no charge, so it arrives before {day}. If the first parcel turns up, just refuse it and it comes back to us.",
      'The {product} is back in stock on {day}. I have put your order at the front of the queue with free express delivery; if you would rather have a refund, just say so.',
    ],
    asks: [
      'Could you confirm the delivery address is still correct? The courier says they could not find the building.',
    ],
    stillBroken: [
      'Still nothing today. The tracking has not changed.',
      'It did not come. This is the second promised date missed.',
    ],
    summary: 'Order {order} late; tracking stuck',
    tried: ['checked the courier tracking', 'confirmed the address'],
  },
  {
    key: 'wrong-item',
    domain: 'commerce',
    team: 'orders',
    channels: ['email', 'chat', 'review'],
    needsVerification: false,
    subjects: ['Wrong item received', 'Wrong size sent', 'This is not what I ordered'],
    openings: [
      'I ordered the {product} in {variant} and received a completely different one.',
      'The box for order {order} had the right label but the wrong {product} inside.',
      'Received the {product} today but it is the wrong size. I definitely ordered {variant}.',
    ],
    details: [
      'I have a photo of the label and the item, if that helps.',
      'The packing slip says {variant}, so the mistake was in the warehouse.',
    ],
    findings: [
      'You are right — the packing slip says {variant} but a different item was picked. That was our mistake, not yours.',
    ],
    fixes: [
      'I have sent the correct {product} in {variant} today, and a courier will collect the wrong one when they deliver it — no need to print anything.',
      'The correct one is on its way by express delivery. Please keep the other one; it costs us more to collect it than it is worth.',
    ],
    asks: [
      'Could you send a photo of the label on the item, so the warehouse can trace where it went wrong?',
    ],
    stillBroken: ['The replacement arrived and it is the wrong one again!'],
    summary: 'Wrong item sent for order {order}',
    tried: ['checked the packing slip', 'asked for photos'],
  },
  {
    key: 'refund-missing',
    domain: 'commerce',
    team: 'orders',
    channels: ['email', 'chat', 'phone'],
    needsVerification: true,
    transfer: { to: 'billing', rate: 0.4 },
    subjects: ['Refund not received', 'Returned {days} weeks ago, no refund', 'Where is my refund?'],
    openings: [
      'I returned the {product} {days} weeks ago and I still have not had my refund of {amount}.',
      'Your website says my return was received on the 3rd. Where is the money?',
      'This is my third time asking about the refund for order {order}. Nobody has replied.',
    ],
    details: [
      'I paid by card. I have the return receipt from the post office.',
      'The return was accepted, the email said so. But nothing on my card.',
    ],
    findings: [
      'The return was received and checked, but the refund failed because the card you paid with has since expired. The system did not tell you.',
      'The refund of {amount} was approved but is waiting for a manual step that should have happened automatically.',
    ],
    fixes: [
      'I have issued the refund of {amount} to your new card; it should reach you in 3–5 working days. I have also added a {amount} voucher for having to chase us.',
      'The refund has now been processed. You will see {amount} back on your statement by {day}.',
    ],
    asks: ['Could you confirm the last four digits of the card you would like the refund sent to?'],
    stillBroken: ['It is past {day} and there is still nothing on my card.'],
    summary: 'Refund of {amount} for order {order} not received after the return',
    tried: ['confirmed the return was received', 'checked the refund status'],
  },
  {
    key: 'damaged-item',
    domain: 'commerce',
    team: 'orders',
    channels: ['email', 'social', 'review', 'chat'],
    needsVerification: false,
    subjects: ['Item arrived broken', 'Damaged in delivery', 'Broken {product}'],
    openings: [
      'The {product} arrived broken. The box was crushed on one side.',
      'Opened the parcel and the {product} is cracked. Really disappointing, it was a present.',
      'Delivered today, damaged. Not happy at all.',
    ],
    details: [
      'The outer box looked fine, it was the inside packaging that had nothing in it to protect it.',
      'I can send photos.',
    ],
    findings: [
      'Thank you for the photos. That is clearly transit damage — and the packaging was not good enough for a {product}.',
    ],
    fixes: [
      'A replacement {product} is on its way and will arrive by {day}. No need to send the broken one back.',
      'I have refunded the full {amount}, and shared your photos with our packaging team so this does not happen to the next person.',
    ],
    asks: ['Could you send a photo of the damage and one of the outside of the box?'],
    stillBroken: ['I sent the photos two days ago and heard nothing.'],
    summary: '{product} arrived damaged',
    tried: ['asked for photos'],
  },
  {
    key: 'double-charge',
    domain: 'commerce',
    team: 'billing',
    channels: ['email', 'chat', 'phone', 'api'],
    needsVerification: true,
    priority: 'high',
    subjects: ['Charged twice', 'Double payment for order {order}'],
    openings: [
      'I have been charged twice for order {order} — {amount} each time. I only placed one order.',
      'My bank shows two payments of {amount} to you on the same day.',
    ],
    details: [
      'The checkout page froze and I pressed the button again. But I only got one confirmation email.',
    ],
    findings: [
      'I can see two payments but only one order. The second payment was a retry after the page timed out and should have been cancelled automatically.',
    ],
    fixes: [
      'I have refunded the duplicate {amount} now. Your bank may show it as pending for a couple of days before it lands.',
      'The second payment was only a hold and your bank will release it within 5 working days. I have asked them to speed it up under reference {ref}.',
    ],
    asks: ['Could you tell me the exact date and time on the two payments, so I can find the second one?'],
    stillBroken: ['Both payments are still showing on my account.'],
    summary: 'Charged twice ({amount}) for one order',
    tried: ['matched the payments against orders'],
  },
  {
    key: 'discount-code',
    domain: 'commerce',
    team: 'orders',
    channels: ['chat', 'social', 'email'],
    needsVerification: false,
    priority: 'low',
    subjects: ['Discount code not working', 'Code {code} rejected'],
    openings: [
      'The code {code} from your newsletter says it is invalid at checkout.',
      'Your advert says {code} gives 20% off but the basket will not accept it.',
    ],
    details: ['The basket is over the minimum spend, I checked.', 'I am trying to buy the {product}.'],
    findings: [
      'The code excludes items already on sale, and the {product} was reduced this week. The newsletter should have said so.',
    ],
    fixes: [
      'I have applied the 20% to your order by hand. The new total is showing in your basket now.',
      'I have sent you a code that works on sale items too, valid until {day}.',
    ],
    asks: ['Could you tell me which items are in your basket?'],
    stillBroken: ['The new code does not work either.'],
    summary: 'Discount code {code} rejected at checkout',
    tried: ['checked the code conditions'],
  },
];
