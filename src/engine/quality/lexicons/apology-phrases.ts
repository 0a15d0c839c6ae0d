import { I_AM } from '../phrase-pattern.js';

export const apologySources: readonly string[] = [
  'sorry',
  'apologi[sz]e',
  'apologi[sz]ing',
  'apologies',
  '(?:i|we) (?:deeply |sincerely |truly )?regret',
  'forgive (?:me|us)',
];

// "Sorry?" as "pardon", and the bot's "sorry, I didn't understand" are conversational repair, not
// an apology to anyone for anything.
export const notAnApologySources: readonly string[] = [
  'sorry \\?',
  'sorry , (?:could|can|would) you (?:please )?(?:repeat|say that again|say again)',
  'sorry , (?:what|who|which|pardon)',
  `sorry ,? (?:i|we) (?:did not|do not|didn't|don't|could not|can not) (?:catch|get|hear|understand|follow|recogni[sz]e|quite catch|quite get|quite understand)`,
  'sorry , (?:i|we) (?:missed|lost) (?:that|you)',
  `sorry (?:to|for) (?:keep|keeping) (?:asking|on)`,
  `${I_AM} sorry ,? (?:but|however) (?:i|we) (?:do not|did not|didn't) (?:understand|recogni[sz]e)`,
  '(?:no|never any) need to (?:apologi[sz]e|be sorry|say sorry)',
  "(?:do not|don't|never) (?:apologi[sz]e|be sorry)",
  'nothing to (?:apologi[sz]e|be sorry) (?:for|about)',
  'sorry to (?:bother|interrupt|disturb|jump in)',
  'sorry (?:,|for) (?:the )?(?:typo|double message|autocorrect)',
];

// The object of an apology that aims at the customer's own decision.
export const choiceObjectSources: readonly string[] = [
  '(?:to )?(?:see|hear|have) you (?:go|leave|are leaving|are going)',
  'to lose you',
  "(?:that )?you (?:are|'re) (?:leaving|going|moving|cancell?ing|closing|downgrading|switching|returning|retiring|relocating|not (?:going to )?(?:buy|renew|upgrade|continue))",
  '(?:that )?you (?:want|wish|need|would like|have decided|decided|chose|have chosen|will be|plan) (?:to )?(?:cancel|leave|close|downgrade|switch|go|move|return|end|stop|not)',
  '(?:that )?you (?:no longer|do not) (?:need|want|require)',
  'about your decision',
  "(?:that )?you (?:are|'re) not (?:interested|ready)",
  'you (?:can not|could not|cannot) (?:stay|continue)',
];
