const SUBJECT =
  '(?:that|it|this|the (?:\\S+ )?(?:reset|fix|link|code|change|update|card|app|router|file|page|site|website|login|connection|internet|broadband|wifi|phone|sim|refund|credit|money|payment|parcel|order|item|replacement|email|text|letter|booking|account|plan|seats?|tickets?|new one|new ones|bill|screen|signal|printer|setting|settings|option|button|device|laptop|tv|download|export|upload|claim)|they|the (?:\\S+ )?\\S+s)';

const DONE_BY_CUSTOMER =
  '(?:did|done|found|got|had|recorded|exported|imported|deleted|removed|set|switched|created|submitted|uploaded|changed|updated|downloaded|installed|approved|ordered|booked|paid|moved|restarted|rebooted|reset|followed|logged in|signed in|saved|printed|scanned|entered|added|turned|connected|paired|cleared|renamed|selected|accepted|activated|registered|completed|finished|sent|received|opened|managed|sorted|fixed|tested|ran|reinstalled|unplugged|plugged)';

// The customer reporting, in their own words, that they can see the outcome or have done the thing
// they were shown. Gratitude alone is not here: "thanks for sorting it" thanks the agent for a
// promise the customer has not yet seen kept.
export const confirmSources: readonly string[] = [
  `${SUBJECT} (?:has |have |finally |actually |really |now |just )*(?:worked|works|did it|did the trick|fixed it|sorted it|solved it|has fixed it|has sorted it)`,
  `${SUBJECT} (?:is |are |has |have |'s )?(?:all |now |finally |totally |fully |back |just )*(?:working|fixed|sorted|resolved|solved|up and running|back on|back up|back online|showing|gone through|come through|through|there now|arrived|fine now|ok now|okay now|good now|loading|loaded|opens|opened|open fine|opens fine|fits?|connected|updated|changed|cleared|downloaded|gone|visible|in my account|in the app|on my card|on my statement|charging|pulling|syncing|correct|all correct|here|in my inbox|came on|come on|came through)`,
  '(?:working|works|connected|loading|loads|opens|fits|syncing|charging) (?:now|again|perfectly|fine|great|properly|a treat)',
  '(?:all|everything) (?:sorted|good now|fixed|working|set|done|back|correct|updated|there)',
  '(?:problem|issue) (?:is |has been |was )?(?:resolved|solved|fixed|sorted|gone)',
  'problem solved',
  'there (?:it is|they are)',
  "(?:it is|it's|they are|they're) here",
  '(?:clear|sorted|fine|good|correct|right|working|there|fixed) now',
  '(?:it|the (?:\\S+ ){0,2}(?:app|page|screen|site|website|email|text|letter|message|statement|system|portal|display|tracker|tracking))(?: now)? (?:says|shows|is showing|shows me|confirms|lists)',
  'i can (?:see|log in|login|access|connect|get in|get on|use|stream|make calls|hear|open|download|read|print) (?:it|them|the|my|both|two|a|an|now|again|fine|everything|all)',
  `(?:i have|i've|i|just|i just|already|we have|we've|we) (?:just |now |already |finally )?(?:got|received|had|have) (?:it|them|the (?:\\S+ ){0,2}(?:email|refund|code|link|credit|confirmation|text|money|parcel|replacement|pdf|file|letter|sms|message|card|voucher|label|invoice|statement|certificate|qr code|bill|e-bill|receipt|bag|package|order))`,
  "(?:i am|i'm|we are|we're) (?:in|logged in|back in|connected|online|back online|up and running|all set)",
  '(?:logged|signed) in',
  '(?:that|this) (?:answers|answered) my question',
  '(?:makes|made) (?:perfect |total )?sense(?: now)?',
  "(?:that is|that's) (?:the one|exactly what i needed|it working|working now)",
  '(?:perfect|brilliant|great|excellent|lovely) , (?:all sorted|that is sorted|sorted|it is working|working|that worked|that works|done|ordered|booked|submitted|it is there)',
  `^(?:ok |okay |right |yes |yep |and )?(?:done|found it|done it|all done|sorted|got it working)(?=\\s|$)`,
  `^(?:ok |okay |right |yes |yep |so |and )?(?:i |i have |i've |we |we have |we've )?(?:just |now |finally |already )?${DONE_BY_CUSTOMER} (?:it|them|that|my|the|a|an|all|both|six|two|three|\\d+)`,
  '(?:lights?|bars|signal|internet|wifi|connection|sound|picture|speed|speeds|data|service|power|heating|hot water) (?:is |are |has |have |just )*(?:back|coming up|come back|came on|come on|working|fine now|restored|on again)',
  '(?:it|that|this|the (?:\\S+ )?(?:app|site|website|page|portal|system|card|code|link)) (?:now )?(?:lets|let|allows|allowed) me (?:in|log in|sign in|through|pay|book|order|access|use)',
  '^(?:and )?(?:back in|back online|back up and running)(?=\\s|$)',
  '^(?:success|bingo|hooray|woohoo)(?: !| \\.)*$',
];

// Customer reporting the problem is still there.
export const disconfirmSources: readonly string[] = [
  '(?:still|not|never) (?:working|fixed|sorted|resolved|solved|arrived|received|showing|there|back|loading|connecting|right)',
  '(?:it|that|this|the reset|the fix|the link|the code) (?:did not|does not|has not|is not|still does not|still did not) (?:work|help|fix|change|load|do anything|arrive)',
  '(?:same|the same) (?:problem|issue|error|message|thing)',
  '(?:stopped|stopped working|broke|broken|dropped|happening|failed|down) again',
  'no (?:change|difference|luck|joy|better)',
  "(?:that|this) (?:does not|did not|doesn't|didn't) (?:help|answer)",
  'still (?:the same|nothing|no|waiting|getting|seeing|can not|cannot|have|has|broken|down|dropping)',
  'not (?:what i asked|what i need|helpful|good enough|acceptable)',
  'that is not (?:it|right|what)',
  "you (?:have not|did not|haven't|didn't) (?:answered|helped|fixed|solved|listened)",
];

export const ACTION =
  '(?:ordered|re-?ordered|raised|booked|rebooked|re-booked|moved|switched|credited|refunded|cancell?ed|sent|re-?sent|opened|lodged|added|applied|arranged|issued|re-?issued|processed|reversed|frozen|froze|blocked|unblocked|released|reset|updated|changed|fixed|corrected|replaced|dispatched|re-?dispatched|scheduled|upgraded|downgraded|extended|waived|removed|unlocked|restored|reconnected|enabled|disabled|set up|escalated|logged|filed|submitted|approved|activated|reactivated|completed|finished|posted|emailed|texted|paid|transferred|closed|deleted|erased|amended|adjusted|lowered|reduced|increased|sorted|resolved|taken care of|repaired|installed|allocated|assigned|reserved|secured|organi[sz]ed|paused|resumed|renewed|ported|swapped|registered|cleared|refreshed|rolled back|expedited|put through|put in|put a stop|stopped|corrected|rectified|reinstated|re-enabled|recredited|re-credited|topped up|unfrozen|matched|honou?red|granted|authori[sz]ed)';

// The agent, bot or system saying it is done: a completed action, not a promise or a plan.
export const claimSources: readonly string[] = [
  `(?:i|we) (?:have |'ve |had )?(?:also |just |now |already |gone ahead and |went ahead and |successfully |personally |since )*${ACTION}`,
  `(?:(?:it|this|that|they|everything|all) |your (?:\\S+ ){1,3}?|the (?:\\S+ ){1,3}?)(?:has|have|'s) (?:now |also |just |all |already )*been (?:fully |successfully )?${ACTION}`,
  `(?:(?:it|this|that|they|everything) |your (?:\\S+ ){1,3}?|the (?:\\S+ ){1,3}?)(?:is|are) (?:now |all |also |already )+(?:fully |successfully )?(?:${ACTION}|live|active|open|in place|on its way|on the way|done|sorted|fixed|resolved|working|set up|back)`,
  `(?:(?:it|this|that) |your (?:\\S+ ){1,3}?|the (?:\\S+ ){1,3}?)(?:is|are) ${ACTION} (?:from|for|until|on|as of|with effect|today|now)`,
  "(?:that is|that's|it is|it's|this is|all|you are|you're|everything is|everything's|you are now|it is now|that is now|you should now be) (?:now |all |fully )?(?:done|sorted|fixed|resolved|good to go|all set|back up|back on|up and running|sorted out|taken care of|complete|completed|covered|live)",
  '(?:should|will) now (?:work|be working|be fixed|be resolved|be back|be sorted)',
  '(?:i|we) (?:have )?(?:marked|closed) (?:this|the|your) (?:ticket|case|issue|conversation) as (?:resolved|solved|complete)',
  // What a caller asked to be told, told: on an information request the answer is the outcome.
  '(?:your|the) (?:\\S+ ){0,3}?(?:balance|hours|opening hours|due date|credit limit|limit|interest rate|rate|amount due|payoff amount|routing number|sort code) (?:is|are|was|will be|shows|comes to)',
  // Calls name the thing done rather than "it": "a new checkbook has been sent", "$146 has been transferred".
  `(?:a|an|one|two|three|four|five|six|seven|eight|nine|\\d+) (?:\\S+ ){0,5}?(?:has|have) (?:now |also |just |all |already )*been (?:fully |successfully )?${ACTION}`,
  `got (?:that|it|this|you|everything) (?:all )?(?:done|sorted|set up|booked|booked in|sent|through|taken care of|in)`,
  // A scheduled payment or dispatch is the action taken, even in the future tense.
  '(?:i|we) (?:will|\x27ll) (?:send|pay|transfer|post|mail|process) (?:your|the|a|an) (?:\\S+ ){0,3}?(?:payment|transfer|card|cheques|checks|checkbook|check book|cheque book|money|refund|replacement)',
];

// Terse confirmations of an action, at the start of an agent's sentence: "Done.", "Booked for Friday".
export const TERSE_CLAIM =
  /^(?:(?:ok|okay|right|great|perfect|all|that is|that's|and|so) ,? )?(?:done|all done|booked|rebooked|moved|frozen|sorted|all sorted|fixed|cancell?ed|sent|changed|updated|switched|credited|refunded|added|raised|processed|reset|released|unlocked|restored|covered|applied|arranged|issued|removed|reversed|approved|activated|submitted|lodged|confirmed and booked)(?=\s|$)/;

// The caller closing on a satisfied note once the agent has said it is done: declaring there is
// nothing more ("no that's all i needed") or thanking warmly ("great thank you so much"). A curt
// "ok thanks" or a bare "no" is left out: it may be grudging, and confirms nothing on its own.
export const closingSatisfiedSources: readonly string[] = [
  "(?:that is|that's|that was|that'll be|that will be|that is going to be|that's going to be|that is gonna be|that's gonna be|that was going to be|that would be|that should be|it is|it's|it was) (?:all|it|everything|everything i needed|all i needed|all i need|all for today|it for today|all i wanted)",
  'that (?:will|\x27ll|is gonna|is going to|was gonna|was going to) (?:be it|be all|do it|do)',
  '(?:nothing|no) (?:else|more)',
  '(?:i think )?(?:that is|that\x27s) all (?:that )?i needed',
  '^no (?:thank you|thanks)',
  '(?:thank you|thanks) (?:so|very) much',
  'thank you for (?:your|the|all) help',
  '(?:great|perfect|wonderful|brilliant|lovely|excellent|fantastic|awesome) (?:thank you|thanks)',
  'much appreciated',
  'really appreciate',
];
