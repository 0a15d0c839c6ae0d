import { I_AM, WE_ARE } from '../phrase-pattern.js';

const LEAVE_VERB =
  '(?:cancel|close|downgrade|end|terminate|stop|leave|switch|return|send back|unsubscribe|opt out|move|pause|discontinue|not renew|remove|cut back|reduce|drop|give back|hand back|terminate|quit|port out|transfer out)';

// A legitimate decision by the customer: nobody did anything wrong, so there is nothing to be sorry
// for.
export const customerChoiceSources: readonly string[] = [
  `(?:i|we) (?:want|would like|need|wish|have decided|decided|am going|are going|plan|intend|will have|am looking|are looking|am hoping|was hoping|'d like|would prefer|have chosen|chose) to ${LEAVE_VERB}`,
  `(?:i|we) (?:will|am|are) (?:be )?${LEAVE_VERB}`,
  `(?:${I_AM}|${WE_ARE}) (?:cancell?ing|closing|downgrading|leaving|switching|moving|returning|retiring|relocating|emigrating|going with|pausing|stopping|ending|not (?:going to )?(?:renew|buy|purchase|upgrade|continue|order))`,
  'not (?:buying|purchasing|ordering|upgrading|renewing|going ahead|proceeding)(?: (?:it|anything|this))? (?:now|right now|today|at the moment|for now|yet|this time)',
  "(?:i|we) (?:will|'ll) (?:pass|hold off|wait|leave it|think about it)",
  "(?:i|we) (?:have|'ve) decided",
  "(?:i|we) (?:do not|no longer|don't) (?:need|use|want) (?:it|the|this|my|our|them|that)",
  '(?:i|we) (?:have )?found (?:a )?(?:cheaper|better|another|different)',
  '(?:moving|moved|relocating) (?:abroad|house|home|away|overseas|out|to|in with)',
  '(?:return|send back|hand back|give back|returning|sending back) (?:the|my|our|your) (?:router|modem|box|equipment|device|set-top box|hub|kit|phone|handset|item|order)',
  '(?:close|closing|cancel|cancelling|canceling|end|terminate) (?:my|the|our) (?:account|subscription|membership|plan|contract|service|policy|booking|order|line|card)',
  'maybe (?:later|next time|another time)',
  'not right now',
  'just browsing',
  "(?:i|we) (?:am|are|'m) (?:happy|fine|ok|okay) with (?:what|my|our|the current)",
  'going (?:with|to) (?:another|a different|a cheaper|a competitor)',
];
