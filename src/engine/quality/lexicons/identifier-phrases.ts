export type Slot =
  | 'account'
  | 'email'
  | 'phone'
  | 'orderId'
  | 'address'
  | 'postcode'
  | 'name'
  | 'dateOfBirth'
  | 'card'
  | 'identity'
  | 'problem';

export const slotLabels: Readonly<Record<Slot, string>> = {
  account: 'account number',
  email: 'email address',
  phone: 'phone number',
  orderId: 'order or reference number',
  address: 'address',
  postcode: 'postcode',
  name: 'name',
  dateOfBirth: 'date of birth',
  card: 'card details',
  identity: 'identity details',
  problem: 'problem description',
};

// Order matters: "email address" must be read as the email, not the postal address, and "name on
// the account" as the name, not the account number.
export const slotNounSources: ReadonlyArray<readonly [Slot, readonly string[]]> = [
  ['email', ['e-?mail(?: address| addy)?', 'e mail(?: address)?']],
  ['dateOfBirth', ['date of birth', 'dob', 'd\\.o\\.b', 'birth ?date', 'birthday']],
  [
    'name',
    [
      "(?:full |first |last |sur|account holder's |account holder |account |your )name",
      'name (?:on|for|under) (?:the|your|this) account',
      'who (?:am i|i am) (?:speaking|talking|chatting) (?:to|with)',
      'who is (?:this|calling)',
      'what name',
      'under what name',
      'name',
    ],
  ],
  [
    'card',
    [
      'last (?:four|4|three|3) (?:digits|numbers)',
      'card (?:number|details|digits)',
      '(?:long|16-digit) number on (?:the|your) card',
    ],
  ],
  ['postcode', ['post ?code', 'postal code', 'zip(?: code)?', 'eircode']],
  [
    'address',
    [
      '(?:postal |home |billing |delivery |shipping |street |installation |service |current )?address',
      'first line of (?:your|the) address',
    ],
  ],
  [
    'orderId',
    [
      '(?:order|booking|tracking|reference|ref|confirmation|reservation|ticket|case|invoice|claim|return|rma|consignment) (?:number|no|num|id|code|reference|ref|#)',
      'which order',
      'what order',
      'order #',
    ],
  ],
  [
    'phone',
    [
      '(?:phone|mobile|cell|cellphone|telephone|contact|landline|home|callback|call back) (?:number|no|num|#)',
      '(?:best |good )?number (?:to|we can|i can|on which to|for) (?:reach|call|contact|ring|get hold of|text)',
      'what number (?:are you calling|should|can)',
      'your (?:phone|mobile|cell)',
    ],
  ],
  [
    'account',
    [
      'account (?:number|no|num|#|id|reference|ref|code|details|info|information)',
      '(?:number|reference|id) (?:on|for|of|associated with|linked to|attached to|registered to|tied to) (?:your|the|this) account',
      'number (?:on|for) the account',
      'customer (?:number|id|reference|ref|no)',
      '(?:membership|member|policy|contract|subscriber|loyalty|rewards?|meter|account) (?:number|id|no|#)',
      'acct(?: number| no| #)?',
      '(?:which|what) account',
      'account is (?:it )?(?:under|in)',
    ],
  ],
  [
    'identity',
    [
      "(?:verify|confirm|check) (?:your |the customer's )?(?:identity|details|who you are)",
      'security (?:questions?|check|details|verification|answers?)',
      'pass (?:security|verification|data protection)',
      '(?:verification|security|data protection) (?:purposes|reasons)',
      '(?:your|the) (?:personal |account )?details',
    ],
  ],
];

// Lead-ins that turn a sentence into a request for information.
export const askLeadSources: readonly string[] = [
  '(?:can|could|would|will) (?:you|i|we) (?:please |just |quickly |also |kindly |first |now |again )*(?:confirm|provide|give|tell|send|share|enter|type|spell|read(?: out)?|verify|pass|grab|get|take|have|double[- ]check|start with|go through|let (?:me|us) (?:have|know)|remind me|state|repeat|say|re-?confirm|input|key in|write|supply|quote)',
  'may i (?:please |just |also |first )*(?:have|get|take|ask for|ask|confirm|grab|check|start with|please have)',
  '(?:please|kindly) (?:can you |could you )?(?:provide|confirm|give|tell|send|share|enter|type|state|verify|reply with|let (?:me|us) know|spell|re-?enter|repeat|describe|explain|supply|quote|input)',
  '(?:i will|i would|we will|we would|i|we) (?:just |also |first |now )?(?:need|require|want) (?:you to (?:confirm|provide|give|tell|verify|send|share|state|describe|explain|repeat)|your|the|to (?:take|have|get|confirm|verify|check|grab|ask for) (?:your|the|some))',
  '(?:tell|give|send|show) me (?:your|the|what|again)',
  '(?:let me|lemme) (?:just )?(?:have|get|take|grab) (?:your|the)',
  'remind me',
  'do you have (?:your|the)',
  '(?:i|we) (?:just )?need to (?:verify|confirm|check|take) (?:your|the|some|a few)',
  '(?:mind|happy) (?:confirming|giving|sharing|providing|telling)',
  '(?:what|which) (?:is |was |are |were )?(?:your|the)',
  '(?:what|which) (?:email|e-mail|number|account|name|address|order|post ?code|zip|date)',
  'under what name',
  'who (?:am i|i am) (?:speaking|talking|chatting) (?:to|with)',
  'who is (?:this|calling)',
  '(?:and|also|plus) (?:your|the)',
];

// Generic "what is wrong" questions: a repeat only when the customer already explained.
export const problemAskSources: readonly string[] = [
  '(?:what|how) (?:can|could|may|might) (?:i|we) (?:help|do for|assist)(?: you)?',
  'how (?:can|could|may|might) (?:i|we) (?:be of )?(?:help|assist)',
  "what (?:seems to be|is|was|'s) (?:the|your) (?:problem|issue|matter|trouble|query|question|concern|difficulty|reason for (?:your|the) (?:call|contact|chat|message|email|enquiry|inquiry))",
  "what (?:is|'s|seems to be) (?:going on|happening|wrong|up|the matter)",
  'what (?:happened|went wrong|has happened)',
  '(?:describe|explain|tell me about|go over|run me through|walk me through|summari[sz]e|recap) (?:the|your|what|again|it again)',
  '(?:tell|remind) me again (?:what|why|about)',
  'remind me (?:what|why|about)',
  'tell me (?:again )?what (?:the (?:problem|issue) is|is (?:wrong|going on|happening)|happened|you are calling about|this is about)',
  'what (?:are|were) you (?:calling|contacting|writing|chatting|getting in touch|reaching out|here|contacting us) (?:about|regarding|for|in)',
  'reason for (?:your|the) (?:call|contact|chat|message|enquiry|inquiry)',
  'what brings you',
  '(?:what|which) (?:issue|problem|trouble) (?:are|were) you (?:having|experiencing|facing|seeing)',
  'what do you need(?: help)? with',
  'what (?:did|do) you (?:need|want)',
  'what (?:was|is) it (?:you|that you) (?:needed|wanted|were after)',
];

// Asks that are clearly for something new or for more detail, never a repeat.
export const notARepeatSources: readonly string[] = [
  '(?:different|another|new|alternative|alternate|other|second|backup|updated|preferred|secondary|work|personal|spare) (?:email|e-mail|number|phone|mobile|address|contact|account|card|name)',
  'more (?:about|detail|details|information|info|specific|context)',
  'anything else',
  'something else',
  'any other',
  'else (?:can|could|may|i|we)',
  'still (?:the same|correct|current|valid|up to date|right|good|ok|okay|active|in use)',
  'on (?:file|record)',
  'ending (?:in|with)',
  'if (?:it|that|this|anything|your \\S+) (?:has|have) changed',
  '(?:no|not) (?:need|necessary)',
  'do not need',
  'will not need',
  'what (?:error|message|code|model|version|browser|device|colour|color|size|time|day)',
  'what happened (?:when|after|with|to|next|then|there)',
  'name of (?:the|a|an|that|this|your) (?!account)',
  '(?:ip|mac|web|website|wallet|server|return|returns|warehouse) address',
];
