// Lines every thread draws on, whatever the problem. Written to sound like a good desk on a
// normal day, with the occasional slip the quality engine is there to catch.

export const verificationMethods = {
  sms_code: {
    label: 'a one-time code by text',
    ask: [
      "To keep your account safe I've sent a six-digit code to the mobile ending {phoneTail}. Could you read it back to me?",
      'Before I open the account, I have texted a code to the number ending {phoneTail}. What does it say?',
    ],
    answer: ['It says {otp}.', '{otp}', 'Got it: {otp}'],
  },
  security_questions: {
    label: 'security questions',
    ask: [
      'Before I look at the account, could you confirm your date of birth and the first line of your address?',
      'Could you answer your security question for me first — the first line of your billing address and your date of birth?',
    ],
    answer: ['Sure: {dob}, and {street}.', '{street}, born {dob}.'],
  },
  account_pin: {
    label: 'the account PIN',
    ask: [
      'Could you give me the four-digit account PIN, please? Not your card PIN, the one you set up with us.',
    ],
    answer: ["It's {pin}.", 'PIN is {pin}.'],
  },
  card_last_four: {
    label: 'the last four digits of the card on file',
    ask: ['To confirm it is you, what are the last four digits of the card we have on file?'],
    answer: ['It ends {last4}.', '{last4}'],
  },
} as const;

export type VerificationMethod = keyof typeof verificationMethods;

export const verifiedConfirmations = [
  "Thank you, you're verified. You won't be asked again in this conversation, even if I bring a colleague in.",
  'Perfect, that matches. I can see everything now.',
  'Thanks, all verified.',
  "That's confirmed, thank you. Let me have a look.",
];

export const agentGreetings = [
  "Hi {first}, I'm {agent} from {team}. Thanks for getting in touch.",
  'Hello {first}, {agent} here. I can help with that.',
  "Thanks for waiting, {first}. My name is {agent} and I'll stay with this until it's sorted.",
  "Hi {first}! {agent} from {team} — I've read your message.",
];

export const emailGreetings = [
  "Thanks for your email. I'm {agent} from {team}, and I'll look after this for you.",
  'Thank you for getting in touch, and for all the detail.',
  "I'm {agent} in {team}; thanks for writing in.",
];

export const phoneGreetings = [
  "Thanks for calling, you're through to {agent}. How can I help?",
  'Hello, {agent} speaking. What can I do for you today?',
  'Good morning, this is {agent} in {team}. Who am I speaking with?',
];

export const empathy = [
  'That sounds really frustrating, especially when you rely on it.',
  "I understand — you shouldn't have to chase this.",
  'Thanks for explaining it so clearly, that helps a lot.',
  'I can see why you are annoyed, and I want to get this fixed properly today.',
  "I'm sorry this has taken up your evening.",
];

export const askForDetail = [
  'Could you tell me a bit more about what you are seeing?',
  "Let me look into it. Is there anything you've already tried, so I don't ask you to do it twice?",
  'Can you give me a little more detail so I look in the right place?',
];

export const transferOut = [
  'This needs our {toTeam} team, who can {toCan}. I am passing you over now with everything we have covered, so you will not need to repeat yourself.',
  "I want the right person on this: I'm handing you to {toAgent} in {toTeam}. They'll have my notes and your verification.",
  "I can't {toCan} myself, but {toTeam} can. I've written up everything for them — you won't be asked the same questions again.",
];

export const transferIn = [
  "Hi {first}, {agent} from {team} here. I've read {fromAgent}'s notes, so let's carry on from where you left off.",
  "Hello {first}, I'm {agent}. {fromAgent} has filled me in on everything — no need to go over it again.",
  'Thanks for bearing with us, {first}. {agent} here from {team}; I have the full history in front of me.',
];

export const handoverNotes = [
  'Handover to {toTeam}: {summary}. Verified by {verification}. Already tried: {tried}. Needs someone who can {toCan}.',
  '{summary}. Customer {verifiedShort}. We have {tried}. Please do not ask them to repeat any of it — they have explained it twice already.',
  'Passing to {toTeam}. {summary}. {verifiedSentence} Tried so far: {tried}. Customer is calm but wants a firm date.',
];

export const pendingLines = [
  "I've raised this with our specialists under reference {ref}. I'll update you by {day} at the latest — you don't need to chase us.",
  "I've opened a case ({ref}) and set myself a reminder to call you back on {day} with an answer either way.",
  "This needs a check from another team. I've asked them to reply by {day}; the reference is {ref} if you want to quote it on any channel.",
];

export const secondAttempts = [
  "Thanks for telling me straight away. I've looked again and found what I missed.",
  "Sorry, that should have held. I've dug further this time.",
];

export const customerThanks = [
  'That worked, thank you!',
  'Great, thanks {agent}, really appreciate it.',
  'Perfect. Thanks for sorting it so quickly.',
  'OK, thanks. Hopefully that is the end of it.',
  'Brilliant, that is all I needed.',
  'Thanks. Shame it took this long, but thank you.',
];

export const agentClosings = [
  "Glad that's sorted, {first}. If anything else comes up, just reply here and it comes straight back to me.",
  "You're welcome! I'll mark this as resolved — reply any time with reference {ref} and it reopens this case.",
  'Thanks for your patience today. Have a good rest of your day.',
  'Happy to help. I will check on it again on {day} to make sure it has held.',
];

export const customerNudges = [
  'Hello? Is anyone there?',
  'Any update on this? It has been {days} days.',
  'I am still waiting for an answer.',
  'Just checking in on this again.',
  "Can someone please reply? I've now asked three times.",
];

export const internalNotes = [
  'Customer mentioned they will leave if this is not fixed this week — worth a call from {supervisor}.',
  'Second contact about this in a month; tagging for the repeat-contact review.',
  'Offered a {amount} goodwill credit; approved by {supervisor}.',
  'Small business owner — they take card payments over this connection, so treat it as urgent.',
  'Posted about it publicly before contacting us; keep replies warm and quick.',
  'Very patient on the phone. Worth a thank-you if we get this right.',
  'Has a long history with us and a high lifetime value — loop in {supervisor} if the fix slips.',
];

// The slips quality scoring exists to catch: redirect-and-close, asking again for what the
// company already knows, and an apology for the customer's own choice.
export const redirectAndClose = [
  'For that you will need to call our billing line, the number is on your bill. I am going to close this chat now.',
  'That is handled by a different department. Please email them instead. Closing this conversation.',
];

export const repeatAsks = [
  'Before we start, can you give me your account number and date of birth?',
  'Can you confirm your account number again for me, please?',
];

export const misplacedSorry = [
  "I'm sorry you chose the cheaper plan — it doesn't include that.",
  "I'm sorry that you decided to go with standard delivery.",
];

export const customerAfterRedirect = [
  'Seriously? I have already explained everything here.',
  'So I have to start again somewhere else? Unbelievable.',
];

export const praise = {
  subjects: ['Thank you', 'Great service', 'A quick thank-you to {agent}'],
  openings: [
    '{agent} sorted out my {topic} problem in ten minutes after weeks of trouble. Please pass on my thanks.',
    'Just wanted to say the person I spoke to yesterday was brilliant. They called back exactly when they said they would.',
    'Honestly the best support I have had from any company. Fixed first time and no waiting.',
    'Five stars. Delivery was early and the driver was lovely.',
  ],
  replies: [
    "Thank you so much, {first} — I'll make sure {agent} hears this. It made our day.",
    "That's wonderful to read, thank you for taking the time. I've shared it with the team.",
  ],
};

export const reviewReplies = [
  "{first}, thank you for telling us, and I'm sorry we let you down. I'd like to put this right — I've sent you a private message so we can look at your account.",
  "We're sorry to read this, {first}. This isn't the experience we want anyone to have. {agent} from our team will contact you today.",
];

export const socialReplies = [
  "Hi {first}, sorry to see this. We'd like to help — please send us a DM and {agent} from our team will pick it up. ^{initials}",
  "That's not good enough, {first}, and we want to fix it. Could you DM us so we can look at your account? ^{initials}",
];

export const emailOpeners = ['Hi,', 'Hello,', 'Dear support team,', 'Hi there,', 'Good morning,'];
export const emailSignoffs = ['Thanks,', 'Regards,', 'Best,', 'Cheers,', 'Many thanks,'];
export const agentSignoffs = ['Kind regards,', 'Best wishes,', 'Thanks,', 'All the best,'];
