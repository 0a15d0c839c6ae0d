import { defineModule } from '../../platform/modules/define-module.js';
import { conversationEmail } from './conversation-participants.js';
import { deliverOnQueueListener } from './deliver-on-queue-listener.js';
import { deliverOutboundJob } from './deliver-outbound-job.js';
import { emailErrors } from './errors.js';
import { emailEvents } from './events.js';
import { emailPermissions } from './permissions.js';
import { pollImapJob } from './poll-imap-job.js';
import { processInboundJob } from './process-inbound-job.js';
import { processOnReceiptListener } from './process-on-receipt-listener.js';
import { emailRoutes } from './routes.js';
import { sendReplyListener } from './send-reply-listener.js';
import { smtpService } from './smtp-service.js';

// The email channel: mailboxes, the SMTP listener, the HTTP inbound route and IMAP fetching, the raw store and
// mail log, the job that parses, threads and brings each mail into a conversation, and the way
// out: agents' replies and acknowledgements sent through a relay or written to the outbox.
export const emailModule = defineModule({
  name: 'email',
  routes: emailRoutes,
  jobs: [processInboundJob, deliverOutboundJob, pollImapJob],
  listeners: [processOnReceiptListener, sendReplyListener, deliverOnQueueListener],
  permissions: emailPermissions,
  errors: emailErrors,
  events: emailEvents,
  services: [smtpService],
  enrichments: [conversationEmail],
});

export { pollImapMailbox } from './poll-imap.js';
export { startSmtpListener, type SmtpListener } from './smtp-listener.js';
