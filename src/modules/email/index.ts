import { defineModule } from '../../platform/modules/define-module.js';
import { emailErrors } from './errors.js';
import { emailEvents } from './events.js';
import { emailPermissions } from './permissions.js';
import { processInboundJob } from './process-inbound-job.js';
import { processOnReceiptListener } from './process-on-receipt-listener.js';
import { emailRoutes } from './routes.js';
import { smtpService } from './smtp-service.js';

// The email channel, inbound: mailboxes, the SMTP listener and the HTTP inbound route, the raw
// store and mail log, and the job that parses, threads and brings each mail into a conversation.
export const emailModule = defineModule({
  name: 'email',
  routes: emailRoutes,
  jobs: [processInboundJob],
  listeners: [processOnReceiptListener],
  permissions: emailPermissions,
  errors: emailErrors,
  events: emailEvents,
  services: [smtpService],
});

export { startSmtpListener, type SmtpListener } from './smtp-listener.js';
