const ELSEWHERE =
  '(?:number|department|team|line|manufacturer|retailer|bank|provider|supplier|store|shop|seller|courier|carrier|billing|sales|technical|support|helpline|hotline|partner|vendor|insurer|landlord|office|branch|site|website|company|maker|brand|head office|customer services|customer service|colleagues|other team|dealer|merchant|card issuer|network operator|operator)';

// Sending the customer to someone else to do the work.
export const redirectSources: readonly string[] = [
  `(?:you will|you would|you|you may|you might) (?:need|have|want|be better off|be best) (?:to )?(?:call|calling|contact|contacting|ring|phone|email|speak (?:to|with)|talk to|get in touch with|reach out to|go to|going to|visit|raise|take (?:it|this|that) up with|write to|check with|go through|try|ask|log a|submit|fill (?:in|out)|apply)`,
  `(?:please |kindly )?(?:call|ring|phone|contact|dial|email|write to|reach out to|get in touch with|try) (?:our|the|this|that|another|a different|your|their) (?:other |separate |dedicated |specialist |own )?${ELSEWHERE}`,
  '(?:go|head|visit|check|log on|log in|look|use|try) (?:to |on |at |onto |into )?(?:our|the) (?:website|site|web site|faq|faqs|help centre|help center|help page|online portal|portal|app|community|forum|online form|self-service|self service)',
  "(?:that is|this is|that's|it is|it's) (?:a |an |handled by a |dealt with by a |for a )?(?:different|another|separate|other) (?:department|team|company|matter|area)",
  '(?:please )?use (?:the|our) (?:contact form|online form|web form|enquiry form|form|portal|website|app|live chat)',
  '(?:this|our) (?:inbox|email address|line|number|chat|team) is (?:only )?for (?:\\S+ ){0,2}(?:only|issues|enquiries|queries)',
  "(?:we|i) (?:do not|can not|cannot|are not able to|am not able to|don't|are unable to|am unable to) (?:deal|handle|help) with (?:that|this|those|these|it)",
  '(?:that|this|it) is not (?:something )?(?:we|i) (?:handle|deal with|cover|do|can help with)',
  'not (?:our|my) department',
  '(?:you|i) (?:can|could) try (?:calling|contacting|emailing|ringing|the)',
  'the number (?:is|to call is|for that is|you need is)',
  '(?:call|ring|dial|phone) (?:us |them )?(?:on|at)? ?\\+?\\d',
  '(?:contact|call|ring|email|try) them',
  '(?:they|the manufacturer|the retailer|your bank|the courier) (?:will|should|can|would) (?:be able to )?(?:help|sort|deal|handle|assist)',
  'outside (?:of )?(?:our|my) (?:remit|scope|control)',
];

// Handing over properly: staying, connecting, or doing the contacting on the customer's behalf.
export const warmHandoverSources: readonly string[] = [
  "(?:i will|let me|i am going to|i'm going to|i can) (?:transfer|put you through|connect you|conference|introduce|hand you over|warm transfer|bring in|loop in|patch you through|stay on the line|stay with you|brief)",
  'stay on (?:the line|the call|the chat) (?:with you|until|while)',
  "(?:i will|let me|i can|i have|i've) (?:call|contact|email|chase|ring|message|raise it with|speak to) (?:them|the \\S+) (?:for you|on your behalf|directly)",
  'on your behalf',
  "(?:i have|i've) (?:already )?(?:contacted|emailed|called|spoken to|messaged|passed your details to) (?:them|the)",
  "(?:i have|i've) (?:passed|sent) (?:them|over) (?:all|your)",
  'they (?:already )?have (?:all )?(?:your|the) (?:details|notes|history|case)',
  "so you (?:will not|won't|do not|don't) (?:have|need) to (?:repeat|explain)",
];
