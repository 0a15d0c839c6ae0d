const LOG_VERB =
  '(?:passed|pass|passing|logged|log|logging|raised|raise|raising|shared|share|sharing|submitted|submit|submitting|recorded|record|recording|fed|feed|feeding|forwarded|forward|forwarding|noted|flagged|flag|flagging|added|add|adding|put|sent|send|sending|escalated|escalate|written up|write up|filed|file|filing)';
const IMPROVEMENT_TARGET =
  '(?:product|development|dev|design|engineering|ux|management|feature|improvement|improvements|feedback|leadership|roadmap|suggestion|suggestions|ideas|process|policy|insights|voice of the customer|quality|operations|web|app) ?(?:team|teams|board|list|log|backlog|channel|owners?|managers?|people|folks|request|review)?';

// The agent turning what the customer said into a change request (Road 1).
export const feedbackLoggedSources: readonly string[] = [
  `(?:i have|i've|i will|i'll|i am going to|i'm going to|i'm|i am|i just|we have|we will|we've|i) (?:already |just |now |personally )?${LOG_VERB} (?:this|that|it|your (?:feedback|suggestion|idea|comment|comments|request|point|experience|complaint)|the (?:feedback|suggestion|idea)) (?:on |back |forward |up |over |directly )?(?:to|with|as|for|in|into) (?:our|the|a) ${IMPROVEMENT_TARGET}`,
  '(?:as|logged as|raised as|recorded as|submitted as) (?:a |an )?(?:feature request|suggestion|improvement|product feedback|enhancement)',
  '(?:feature|improvement|enhancement|change) request',
  'so (?:that )?(?:we|they|the team|our team) (?:can |could |will )?(?:change|improve|fix|look at|consider|review|update|make)',
  "(?:we are|we're|the team is|they are) (?:going to|planning to|now|looking at|looking into) (?:change|changing|improve|improving|update|updating|fix|fixing|add|adding|review|reviewing) (?:this|that|the|it|how)",
  '(?:thanks to|because of|based on) (?:your|customer|this) feedback',
  '(?:your|this|that) (?:feedback|suggestion|idea|point) (?:has been|was|is being|will be|is) (?:passed|logged|shared|recorded|noted|raised|sent|submitted|added)',
  'great (?:suggestion|idea|point)',
];

// The customer offering a way to improve.
export const suggestionSources: readonly string[] = [
  'you should (?:really )?(?:add|make|let|have|change|improve|offer|consider|fix)',
  'it would be (?:nice|great|good|better|helpful|easier|useful) (?:if|to)',
  "why (?:can not|cannot|do not|does not|is there no|isn't there|can't|don't|doesn't) (?:you|your|the|it|i)",
  'suggestion',
  'i wish (?:you|there|your|the|it)',
  '(?:could|can) you (?:add|make|consider|introduce)',
  '(?:feature|option|button|setting) to',
  "(?:it is|it's|that is|this is) (?:really |so |very )?(?:confusing|hard to find|not clear|unclear)",
];

// Showing the customer how to do it themselves (Road 3).
export const teachSources: readonly string[] = [
  'here is how',
  "here's how",
  'this is how',
  'the way to (?:do|fix|change|find|get)',
  'you can do (?:this|that|it) (?:by|from|in)',
  'to do (?:this|that) ,',
  'follow these steps',
  'step (?:1|one)',
  '(?:first|firstly|start by|begin by) (?:go|going|open|opening|click|clicking|tap|tapping|select|selecting|head|navigate|log|press|turn|switch|unplug|hold|sign)',
  '(?:go|head|navigate) to (?:settings|the settings|your settings|my account|your account|the menu|account settings|preferences|the app|the home screen|billing)',
  '(?:click|tap|select|press|choose|toggle|hit) (?:on )?(?:the |your )?(?:\\S+ ){0,3}(?:button|tab|link|option|icon|menu|setting|switch)',
  '(?:then|next|after that|once that is done) (?:click|tap|select|press|choose|go|enter|type|open|restart|wait)',
  '(?:turn|switch) (?:it |the \\S+ )?(?:off and (?:on|back on)|back on)',
  'this (?:article|guide|video|walkthrough|tutorial|help page|faq)',
  '(?:article|guide|tutorial|walkthrough) (?:that|which) (?:explains|shows|walks)',
  'in (?:the )?future you can',
  '(?:in|on|from) (?:the app|your account|your phone|the website|settings|your settings|the portal|online banking|my account)(?: ,)? (?:go|tap|click|select|open|choose|head)',
  'next time (?:you can|just)',
];

// The customer doing it themselves after being shown.
export const selfServedSources: readonly string[] = [
  "(?:i|i have|i've) (?:managed|done it|found it|did it|figured it out|worked it out|got it working|followed the steps|followed those steps|followed that)",
  'followed (?:the|your|those|these) (?:steps|instructions|guide|article)',
  'that was easy',
  'now i know (?:how|for next time)',
  '(?:know|remember) (?:how to do it )?(?:for )?next time',
];
