import { defineListener } from '../../platform/events/define-listener.js';
import { deliveryId } from '../../platform/events/delivery-id.js';
import { processInboundJob } from './process-inbound-job.js';

const name = 'email.process-on-receipt';

// The stored mail's event starts its parsing; the job id comes from the event, so a second
// delivery of the event sends nothing.
export const processOnReceiptListener = defineListener({
  name,
  on: ['email.received'],
  async handle(event, { jobs }) {
    await jobs.send(
      processInboundJob,
      { workspaceId: event.workspaceId, inboundId: event.data.inboundId },
      { id: deliveryId(event, name) },
    );
  },
});
