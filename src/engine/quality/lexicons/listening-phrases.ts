// Replies that avoid the question instead of answering it.
export const deflectionSources: readonly string[] = [
  '(?:i|we) (?:can not|cannot|am not able to|are not able to|am unable to|are unable to) (?:help|assist|answer|comment|say|give|share|tell|discuss|do anything)',
  '(?:i|we) do not (?:know|have (?:that|any|this) information|have access)',
  "(?:i|we) (?:have|'ve got) no (?:information|idea|way|visibility|access)",
  'there is nothing (?:more |else )?(?:i|we) can (?:do|say)',
  'that is all (?:i|we) (?:can|have)',
  '(?:please )?(?:refer to|see|check|read) (?:our|the) (?:website|faq|faqs|terms|policy|help centre|help center)',
  'not (?:something|a question) (?:i|we) can (?:answer|help with)',
  '(?:i|we) (?:am|are) (?:not able|unable) to (?:see|find|access|view|check|give|share)',
  '(?:look at|looking at|check|checking|read|reading|see|go through|going through|have a look at|refer to|consult|use|using) (?:the|our) (?:\\S+ )?(?:documentation|docs|setup guide|user guide|guide|status page|faq|faqs|help centre|help center|help pages|knowledge base|website|terms)(?: once more| again)?',
  '(?:our|the) (?:documentation|docs|setup guide|faq|help centre|help center|knowledge base) (?:has|covers|explains)',
  '(?:will|should) be in touch (?:as soon as possible|shortly|soon|in due course)',
  'as soon as (?:possible|they can|we can)',
];

// The customer telling us they were not heard.
export const notHeardSources: readonly string[] = [
  "you (?:are|'re) not listening",
  '(?:i )?(?:already|just) (?:told|said|explained|gave|asked)',
  '(?:as|like) i (?:said|told you|mentioned|explained|asked)',
  "(?:that is|that's|this is) not what i (?:asked|said|meant|need|want)",
  "you (?:did not|have not|didn't|haven't) (?:answer|answered|read|listen|listened)",
  '(?:answer|read) (?:my|the) question',
  'i (?:asked|said) (?:you )?(?:about|for|if|whether|why|when|how)',
  'can you (?:just )?(?:read|listen)',
  'did you (?:even )?(?:read|listen)',
  "i (?:am|'m) asking (?:you )?(?:which|what|why|how|when|if|whether|about|for)",
  '(?:could|should) have (?:just )?answered',
  'just answer',
];

// Staff or system ending the conversation.
export const closingSources: readonly string[] = [
  '(?:good ?bye|bye|bye bye)',
  'have a (?:good|nice|great|lovely|wonderful) (?:day|evening|afternoon|weekend|one)',
  "(?:i am|i'm|i will be|i'll be|we are|we will be|we'll be) (?:now )?closing (?:this|the|our) (?:chat|ticket|conversation|case|call|session)",
  '(?:this|the) (?:chat|conversation|call|ticket|case|session) (?:has been|is being|is now|will be|was) (?:closed|ended|resolved|terminated|marked)',
  '(?:chat|call|conversation|session) (?:ended|closed|terminated)',
  '(?:ended|closed|left) (?:the|this) (?:chat|call|conversation)',
  'thank you for (?:contacting|calling|chatting|reaching out)',
  'thanks for (?:contacting|calling|chatting|reaching out)',
  '(?:disconnected|hung up)',
  '(?:i will|i am going to|let me|we will)(?: now| go ahead and| just)? (?:close|end|resolve|wrap up|archive|finish) (?:this|the|your|our) (?:chat|ticket|conversation|case|call|session|request|query|enquiry|inquiry)',
  '(?:marked|marking|set|setting|mark) (?:this|the|your|it) (?:chat |ticket |case |conversation |request |query )?(?:as|to) (?:resolved|solved|closed|complete|completed|done)',
  '(?:chat|conversation|session|call) (?:has |was )?(?:timed out|expired)',
  'timed out (?:due to|because of|after) (?:inactivity|no response)',
  'take care',
  '(?:is there )?anything else (?:i|we) can (?:help|do|assist)',
];

// The agent's wrap-up question. After the request was dealt with it is ordinary courtesy; as the
// answer to a request that was not, it is the start of closing on the customer.
export const WRAP_UP =
  /(?:^|\s)(?:anything else|something else|any other (?:questions?|queries|query|thing|things))(?=\s|$)/;
