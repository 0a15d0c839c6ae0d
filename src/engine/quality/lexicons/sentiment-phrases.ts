import { NUMBER_WORD } from '../phrase-pattern.js';

// Support conversations carry meaning that a general-purpose lexicon misses ("still not working")
// or gets backwards ("waiting" reads as hopeful, "cancel" as hostile). Each group has one weight so
// the matcher stays a handful of compiled expressions.
// Words that name a feeling. A sentence with one of these is about how the customer feels, not only
// about what happened.
const FEELING_WORDS =
  '(?:frustrated|frustrating|annoyed|annoying|angry|upset|disappointed|disappointing|worried|worrying|stressed|stressful|anxious|concerned|confused|fuming|gutted|scared|afraid|nervous|terrified|panicking|panicked|panicky|desperate|devastated|distraught|shaky|shaken|exhausted|exasperated|miserable)';

export const sentimentPhraseGroups: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    -0.8,
    [
      '(?:thanks|thank you|cheers) (?:a lot |very much )?for nothing',
      '(?:waste|wasted|wasting) (?:of )?(?:my |our |another |an |so much |more )?(?:time|hour|hours|money|day|morning|afternoon|evening|week)',
      '(?:absolutely|totally|completely|utterly) (?:ridiculous|unacceptable|useless|pathetic|shocking|appalling|disgraceful|hopeless)',
      '(?:fed up|sick and tired|sick of|had enough|at my wits end|losing my patience|lost my patience|beyond frustrated|livid|furious|disgusted)',
      '(?:worst|terrible|awful|appalling|shocking|disgraceful) (?:service|experience|company|customer service|support)',
      'take my (?:business|money|custom) elsewhere',
    ],
  ],
  [
    -0.6,
    [
      `on hold (?:for )?(?:over |more than |almost |nearly )?(?:an hour|hours|ages|forever|so long|too long|half an hour|${NUMBER_WORD} (?:minutes|mins|hours))`,
      '(?:charged|billed|debited)(?: me| us)? (?:twice|double|two times|three times|again|wrongly|incorrectly|extra|too much)',
      '(?:double|duplicate) (?:charged|billed|charge|payment)',
      'overcharged',
      '(?:still|yet|again) (?:not|no|nothing|have not|has not|is not|does not|can not|waiting|broken|down|dropping|the same)',
      '(?:nobody|no one|no-one) (?:has )?(?:called|rang|got back|replied|responded|helped|showed up|turned up|came|bothered|listens|cares)',
      '(?:never|has not|have not|still not) (?:arrived|turned up|received|got back|replied|heard back|been fixed|been sorted)',
      `(?:third|fourth|fifth|tenth|\\d+(?:st|nd|rd|th)|several|many|multiple|${NUMBER_WORD}) (?:time|times|call|calls|attempt|attempts) (?:i have|i've|now|already|this week|today|calling|contacting|asking)`,
      '(?:how|why) many (?:more )?times',
      '(?:no|zero) (?:help|use|response|reply|answer|one (?:helps|cares))',
      '(?:lost|losing) (?:money|business|work|customers|a day|a whole day|my job)',
      "you (?:are|'re) not listening",
      '(?:i )?(?:already|just) (?:told|gave|said|explained|sent|provided) (?:you|that|this|it)',
      'going (?:round|around) in circles',
      '(?:passed|passing|pushed|bounced) (?:around|from pillar to post|back and forth)',
    ],
  ],
  [
    -0.45,
    [
      'not working',
      '(?:does|did|do|is|was) not (?:work|load|connect|start|turn on|open|arrive|charge|go through)',
      'stopped working',
      'keeps? (?:dropping|crashing|failing|freezing|cutting out|disconnecting|happening|declining|rejecting)',
      '(?:can not|cannot|could not|unable to) (?:log ?in|login|sign in|access|connect|pay|use|get in|make calls|work|get through)',
      '(?:no|lost) (?:signal|internet|service|connection|power|dial tone|access)',
      `(?:been )?waiting (?:for|since|over|more than|nearly|almost) (?:${NUMBER_WORD} (?:minutes|mins|hours|days|weeks|months|years)|ages|weeks|days|months|hours|a week|a month|forever)`,
      FEELING_WORDS,
      '(?:and|but|still|yet) (?:nothing|no (?:sign|word|reply|response|refund|update|call|contact|one|answer|news|change))',
      '(?:you|they|your (?:letter|website|site|email|agent|colleague|team|app)) (?:said|promised|told me|says|stated|guaranteed)',
      '(?:complain|complaint|escalate|ombudsman|trading standards|small claims|lawyer|solicitor|legal action)',
      '(?:want|demand|need|expect) (?:a |my |our )?(?:refund|money back|compensation)',
    ],
  ],
  [
    0.35,
    [
      '(?:makes|made) sense',
      'got it',
      'that helps',
      '(?:great|brilliant|perfect|lovely|excellent|fantastic) , thanks',
      'much appreciated',
      'no worries',
    ],
  ],
  [
    0.6,
    [
      '(?:that|it|this) (?:has )?(?:worked|works|did it|did the trick|fixed it|sorted it|solved it)',
      "(?:all|it is|that is|that's|it's|everything is|we are|i am|i'm|is now|are now) (?:all |now )?(?:sorted|fixed|resolved|up and running|working|back online|back up)",
      '(?:working|works) (?:again|now|perfectly|fine)',
      '(?:thank you|thanks) (?:so|very) much',
      'many thanks',
      'really appreciate',
      "(?:you have|you've) been (?:very |really |so |a )?(?:helpful|great|amazing|brilliant|star|fantastic|a great help)",
      'you are a (?:star|lifesaver|legend|gem)',
      'life ?saver',
      'problem solved',
    ],
  ],
];

// Words that a general lexicon scores but which are matter-of-fact in a support conversation.
export const neutralSources: readonly string[] = [
  'cancel(?:led|ling|lation)?',
  'close (?:my|the|our) account',
  'downgrade',
  'sorry to (?:bother|trouble) you',
  'no problem',
  'what is the (?:problem|issue)',
  'waiting',
  'still',
  'please',
  'help',
  // A customer's "sorry" is politeness ("sorry, what was that?"), not distress.
  'sorry',
];

// Acknowledgements whose literal valence ("ok" is strongly positive in general lexicons) would
// otherwise swamp a conversation's final mood.
export const BARE_ACKNOWLEDGEMENT =
  /^(?:ok|okay|ok then|okay then|alright|all right|fine|sure|right|yes|yeah|yep|yup|hmm|hm|mhm|uh huh|k|kk|ok sure|sure thing)\s*[.!]*$/;

// Positive words that turn sour next to these: "great, another hour wasted". Only as an
// interjection opening the sentence: "great phone, I'd buy another" is praise.
export const SARCASM_LEAD_IN =
  /^(?:(?:oh|ah|well|wow|yeah|yes|just|really|that is|this is|that is just|this is just)\s*,?\s*)*$/;
export const SARCASM_OPENER =
  /(?:^|\s)(?:oh )?(?:great|perfect|fantastic|brilliant|wonderful|lovely|marvellous|marvelous|super|awesome|excellent|terrific|splendid|just what i needed|love (?:that|it|this)|how (?:helpful|nice|lovely|convenient)|very helpful|so helpful|thanks a (?:lot|bunch|million)|cheers|nice one|well done|good job|yeah right|sure thing)(?=\s|$)/;
export const SARCASM_SOUR =
  /(?:^|\s)(?:another|again|wasted|waste|still|nothing|never|no one|nobody|hours?|ages|forever|useless|pointless|yet|once more|more waiting|back to square one|thanks for nothing|not|so now|now i have to|now i need to|supposed to|cut off|hung up|disconnected|on hold|transferred|wrong)(?=\s|$)/;

// What makes a sentence emotional rather than factual: a feeling named, or the strong complaint
// phrases (repeat contact, "fed up", "waste of time") from the two strongest groups above.
export const feelingSources: readonly string[] = [
  FEELING_WORDS,
  '(?:really|so|very|extremely|absolutely|totally|completely) (?:annoying|bad|awful|terrible|unacceptable|ridiculous|stupid|useless)',
  '(?:ridiculous|unacceptable|useless|pathetic|hopeless|joke|nightmare|disgrace|hate|hated|sick|tired|livid|furious|disgusted|scary|horrible|awful|terrible)',
  ...sentimentPhraseGroups.filter(([weight]) => weight <= -0.6).flatMap(([, sources]) => sources),
];

// Sentences that state the reason for the call: a request, or what happened to a card or a payment.
// Said without feeling ("i lost my card", "my payment didn't go through", "i need to check my
// balance") they are facts about the task, not signs of an upset customer, however negative the
// words look to a general lexicon ("lost", "pay", "bill").
export const statedReasonSources: readonly string[] = [
  "(?:i|we) (?:have |'ve |had |just |think i |think we )*(?:lost|left|misplaced|dropped|forgot|forgotten|broke|broken|cracked|damaged|can not find|cannot find|locked myself out of) (?:my|the|our)",
  '(?:my|the|our) (?:\\S+ ){0,2}(?:card|cards|wallet|purse|phone|cheque|check|checks|checkbook|check book|password|pin|payment|transfer|direct debit|login|account) (?:was |got |has been |is |has |have |are )?(?:lost|stolen|declined|rejected|blocked|locked|expired|expiring|damaged|broken|cracked|missing|not working|did not|does not|is not|was not|has not|will not|can not)',
  "(?:i|we) (?:would like|'d like|need|want|wanted|am calling|'m calling|am ringing|am trying|was trying|am looking|'m looking|was wondering|were wondering|have to|had to) to",
  '(?:i|we) need (?:a|an|my|the|some|new|another|help)',
  '(?:can|could|would) you (?:please )?(?:send|order|replace|check|change|reset|transfer|pay|cancel|book|schedule|help|tell|look|update|block|freeze|unlock)',
  '(?:i am|i\x27m|we are|we\x27re) (?:calling|ringing|phoning) (?:about|because|to|regarding)',
];
