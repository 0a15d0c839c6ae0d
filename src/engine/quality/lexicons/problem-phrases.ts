import { NUMBER_WORD } from '../phrase-pattern.js';

// Things the company did or failed to do: an apology is owed whatever the agent thinks of it.
export const companyErrorSources: readonly string[] = [
  '(?:charged|billed|debited|taken)(?: me| us)? (?:twice|double|two times|three times|again|wrongly|incorrectly|extra|too much|more than)',
  '(?:double|duplicate|extra|wrong|incorrect|unexpected|unauthori[sz]ed) (?:charge|charges|charged|billing|payment|debit|fee|transaction)',
  'overcharged',
  '(?:wrong|incorrect) (?:item|size|colou?r|product|order|bill|amount|address|price|invoice|parcel|model|part)',
  "(?<!(?:he|she|builder|seller|landlord|merchant|plumber|tradesman|courier i booked) )(?:never|has not|have not|did not|still not|not yet|hasn't|haven't|didn't) (?:arrived|turned up|come|been delivered|shown up|showed up|been received|been refunded|been credited|been fixed|got here|been sent)",
  '(?:not|never) (?:received|got) (?:my|the|a|our) (?:refund|money|credit|replacement|order|parcel|package|delivery|item)',
  '(?:late|delayed|missing|lost|overdue) (?:delivery|parcel|package|order|item|refund|payment|shipment)',
  '(?:delivery|parcel|package|order|refund|shipment|item) (?:is |was |has been |is still |was still )?(?:late|delayed|missing|lost|overdue|stuck)',
  '(?:arrived|came|is|was|turned up) (?:broken|damaged|smashed|cracked|faulty|defective|dead|dented|torn|leaking|incomplete)',
  '(?:broken|damaged|faulty|defective|dead) (?:on arrival|item|product|unit|device|parcel|screen)',
  'outage',
  '(?:was|were|is|are) (?:due|supposed to (?:arrive|come|be delivered|be here|be paid|be refunded|be fixed|be back|call|ring|get back))',
  'tracking (?:has not|have not|not|never|still has not|is not|still is not) (?:moved|updated|changed|been updated)',
  'tracking (?:says|shows|still says|still shows|just says) (?:delayed|exception|returned|lost|held|stuck|no)',
  '(?:still|and still|but still) nothing',
  '(?:and|but|still|with) no (?:refund|reply|response|update|call|callback|delivery|new date|sign|money|credit|word)',
  '(?:something went wrong|went wrong)',
  '(?:page|site|app|website|checkout|payment page) (?:just )?(?:spins|hangs|crashes|freezes|errors|times out|keeps crashing|will not load|does not load|did not load)',
  '(?:bill|invoice|payment|premium|price) (?:went|has gone|jumped|doubled|shot|has doubled|has jumped|has gone up|went up|increased)(?: up)? (?:from|up|to|by)',
  '(?:you|your (?:letter|website|site|email|agent|colleague|team|app|advert|ad|terms)) (?:said|promised|says|stated|told me|guaranteed|confirmed)',
  '(?:discount|offer|credit|promotion|deal) (?:has |is )?(?:gone|disappeared|been removed|missing|stopped|not applied)',
  '(?:internet|service|broadband|connection|wifi|wi-fi|line|network|app|website|site|system|power|signal|phone line|tv) (?:is |has been |keeps |was |went |is still |has gone )?(?:down|out|dropping|cutting out|not working|offline|dead|disconnecting)',
  '(?:nobody|no one|no-one|you never|they never|you did not|they did not)(?: has| have| had|)? ?(?:called|rang|phoned|got back|came|turned up|showed up|replied|responded|emailed)',
  '(?:you|they|someone) (?:said|promised|told me) (?:you|they|someone|he|she) (?:would|will|were going to) (?:call|ring|phone|email|get back|contact|come|fix|send|refund)',
  'missed (?:callback|call back|appointment|visit|delivery slot)',
  "(?:engineer|technician|courier|driver|fitter) (?:did not|never|failed to|didn't) (?:show|turn up|come|arrive)",
  `(?:on hold|waiting|waited|been waiting) (?:for )?(?:over |more than |almost |nearly )?${NUMBER_WORD} (?:minutes|mins|hours|hour|days|weeks|months)`,
  'on hold for (?:ages|hours|an hour|forever|so long)',
  '(?:cancell?ed) (?:my|our) (?:order|booking|flight|appointment) without',
  '(?:locked|cut|kicked) (?:me |us )?out',
  "(?:still|yet|again) (?:not|no|have not|has not|haven't|hasn't) (?:received|got|had|heard|fixed|working|arrived)",
  '(?:you|they|the company) (?:lost|broke|damaged|messed up|forgot|ignored)',
  '(?:mistake|error) (?:on|in) (?:your|the|my) (?:side|end|bill|invoice|account|system)',
  '(?:your|the) (?:system|website|app) (?:is |keeps )?(?:broken|crashing|wrong|failing)',
  '(?:arrived|came|turned up) with (?:a |the |its )?(?:\\S+ )?(?:crack|cracked|broken|smashed|damaged|dented|torn|scratched|faulty|dead|missing)',
  '(?:will not|does not|did not|would not) (?:power on|turn on|switch on|boot|charge|start up) (?:out of the box|from new|since it arrived|when it arrived|on arrival)',
  '(?:charged|billed|debited|taken)(?: me| us)? (?:\\S+ ){1,3}more than',
  '(?:i was|we were) (?:told|promised|assured) [^.!?]{0,60}(?:would|will|was going to|were going to) [^.!?]{0,60} but',
  '(?:says|shows|showing|marked|marked as) (?:as )?delivered (?:but|and) (?:nothing|it is not|it has not|it never|i have not|i never|we have not|no parcel|there is nothing)',
  '(?:i|we) (?:never|did not) (?:asked|ask|ordered|order|requested|request|signed up|sign up|agreed|agree|authori[sz]ed|authori[sz]e) (?:for|to) (?:that|this|it|any)',
];

// What an agent says when the fault is the company's, whether or not the customer noticed it:
// an apology is owed from that turn on.
export const companyAdmissionSources: readonly string[] = [
  '(?:our|my) (?:mistake|error|fault|bad|oversight)',
  '(?:a|an) (?:error|mistake|fault|glitch|bug|problem) (?:on|at) our (?:side|end|part)',
  '(?:on|at) our (?:side|end) (?:that|which) (?:caused|meant)',
  '(?:our|the) (?:system|billing system|website|app|team|courier|warehouse|engineer) (?:wrongly|mistakenly|incorrectly|accidentally)',
  '(?:our|the) (?:system|billing system|website|app|team) (?:applied|charged|billed|took|sent|cancell?ed|closed|doubled) (?:\\S+ ){0,4}(?:twice|in error|by mistake|by accident|wrongly|incorrectly)',
  '(?:should not|should never) have (?:happened|been (?:charged|billed|taken|cancell?ed|closed|sent))',
];

// Something is wrong for the customer, whoever caused it.
export const troubleSources: readonly string[] = [
  'not working',
  '(?:does|did|do|is|was|has|have|will|can) not (?:work|working|load|connect|start|turn on|open|arrive|charge|print|sync|update|show|go through|let me)',
  '(?:stopped|stop) working',
  '(?:it|that|this|they) (?:does|did|do|is|was|are|were|will|can) not(?= \\.| !|$)',
  'keeps? (?:dropping|crashing|failing|freezing|cutting out|disconnecting|happening|rejecting|declining|logging me out)',
  '(?:broken|faulty|damaged|defective|error|errors|problem|problems|issue|issues|fault|glitch|bug|trouble|invalid|rejected|declined|denied|expired|crashed|crashes|crashing|failed|failing|fails|locked out|blocked)',
  '(?:can not|cannot|could not|unable to|not able to) (?:log ?in|login|sign in|access|connect|pay|use|get in|get into|find|see|open|download|make|reset|change|update)',
  '(?:no|lost) (?:signal|internet|service|connection|power|dial tone|access|sound|picture)',
  '(?:refund|complaint|complain|compensation|money back)',
  '(?:wrong|incorrect|missing|late|delayed|overdue)',
  '(?:charged|billed|debited) (?:twice|double|again|wrongly|incorrectly|extra|too much)',
  '(?:confused|stuck|do not understand|not sure (?:how|why|what))',
  '(?:is|are|was|has|keeps|went|goes) (?:frozen|freezing|hanging|blank|black|unresponsive)',
];

// Asking for something to be done or explained: needs an answer, not necessarily an apology.
export const requestSources: readonly string[] = [
  'how (?:do|can|would|should|to) (?:i|we)',
  '(?:help|need) (?:me )?(?:with|to)',
  "(?:i|we) (?:want|would like|need|am trying|'m trying|was wondering|am looking) to",
  '(?:can|could|would) you (?:please )?(?:help|tell|explain|check|change|update|send|show|confirm|let me know|give|sort|fix|cancel|close|add|remove|move|book|arrange|look)',
  '(?:can|could|may) i (?:please )?(?:have|get|ask|change|cancel|close|add|remove|move|book|switch|order|return|upgrade|downgrade|pay|speak|talk|check)',
  "i (?:am|'m) asking (?:you )?(?:which|what|why|how|when|if|whether|about|for)",
  '(?:when|where|why|what|how much|how long) (?:is|are|will|does|do|did|can|should|has|have)',
];

// Problem words that appear in reassurance rather than complaint.
export const notAProblemSources: readonly string[] = [
  'no (?:problem|problems|issue|issues|worries|trouble)',
  'not a (?:problem|issue)',
  '(?:without|with no) (?:any )?(?:problem|problems|issue|issues|trouble)',
];
