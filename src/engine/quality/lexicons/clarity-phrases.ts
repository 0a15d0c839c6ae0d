import { NUMBER_WORD } from '../phrase-pattern.js';

// Internal and technical vocabulary that customers should not have to decode.
export const jargonSources: readonly string[] = [
  'provisioning', 'provisioned', 'deprovision(?:ed|ing)?', 'escalation matrix', 'sla', 'slas', 'tier (?:1|2|3|one|two|three)',
  'l1', 'l2', 'l3', 'backend', 'back-end', 'back end', 'frontend', 'propagat(?:e|ed|ion|ing)', 'dns', 'mtu', 'dhcp', 'cache',
  'api', 'kyc', 'aml', 'rma', 'sku', 'crm', 'ach', 'bacs', 'chargeback', 'pro-?rata', 'pro rata', 'amorti[sz](?:ed|ation)',
  'reconcil(?:e|ed|iation)', 'node', 'firmware', 'packet loss', 'latency', 'throughput', 'token', 'workflow', 'backlog',
  'rca', 'root cause', 'p1', 'p2', 'p3', 'p4', 'sev ?[1-4]', 'hotfix', 'rollback', 'roll back', 'deployment', 'config', 'configuration',
  'parameters?', 'ticketing', 'sync', 'synchroni[sz](?:e|ed|ation)', 'authentication', 'authori[sz]ation hold',
  'pre-?auth', 'ip address', 'mac address', 'ssid', 'ont', 'olt', 'dslam', 'vlan', 'cpe', 'nte', 'fttp', 'fttc',
  'ledger', 'accrual', 'remittance', 'settlement', 'batch', 'ssl', 'tls', 'oauth', 'sso', '2fa',
  'mfa', 'otp', 'jira', 'zendesk', 'salesforce', 'sap', 'escalated to tier', 'internal', 'per the', 'as per',
  'pursuant', 'aforementioned', 'heretofore', 'hereby', 'notwithstanding', 'in accordance with', 'policy clause',
  'clause', 'subsection', 'terms and conditions', 'mandate', 'ddi', 'ddm', 'etd', 'wismo', 'asn', 'lpn',
];

// Telling the customer what happens next, concretely.
export const nextStepSources: readonly string[] = [
  'you (?:will|should) (?:receive|get|see|hear|be contacted|be emailed|be sent|have)',
  '(?:i have|i\'ve|we have|we\'ve) (?:just )?(?:sent|emailed|texted|attached|added|booked|scheduled|arranged|raised|issued|credited|refunded|applied|updated|set up|logged|created|opened)',
  '(?:your|the) (?:reference|ticket|case|tracking|confirmation|booking) (?:number )?is',
  '(?:the )?next steps? (?:is|are|will be)',
  'here is how',
  'here\'s how',
  'follow these steps',
  'step (?:1|one|2|two)',
  `within ${NUMBER_WORD} (?:working |business )?(?:days|hours|minutes|weeks)`,
  'by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|end of (?:day|the day|the week|today)|the end of|next week|midday|noon|\\d)',
  '(?:on|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
  '(?:tomorrow|today) (?:morning|afternoon|evening|between|before|by)',
  'between \\d+ ?(?:am|pm)? and \\d+',
  '(?:i will|i\'ll) (?:call|email|text|message|update) you (?:back )?(?:by|on|at|tomorrow|within|before|this|in)',
  '(?:first|firstly) , .{0,60}(?:then|next|after that)',
];

// Promises with no shape: nobody can hold anyone to them.
export const vagueSources: readonly string[] = [
  'someone will (?:be in touch|get back to you|contact you|call you)(?! (?:by|within|on|tomorrow|today))',
  'at some point',
  'in due course',
  'as soon as (?:possible|we can)(?! ,? (?:and )?(?:by|within|today))',
  'when(?:ever)? (?:we|they) (?:can|get a chance|get round)',
  'it (?:should|might|may) (?:sort itself out|resolve itself|come back)',
];
