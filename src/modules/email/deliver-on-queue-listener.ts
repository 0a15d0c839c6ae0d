import { defineListener } from '../../platform/events/define-listener.js';
import { deliverOutboundJob } from './deliver-outbound-job.js';

// The job's id is the mail's: a second delivery of the event starts no second sending.
export const deliverOnQueueListener = defineListener({
  name: 'email.deliver-on-queue',
  on: ['email.outbound_queued'],
  async handle(event, { jobs }) {
    await jobs.send(
      deliverOutboundJob,
      { workspaceId: event.workspaceId, outboundId: event.data.outboundId },
      { id: event.data.outboundId },
    );
  },
});
