import { z } from 'zod';
import { text } from '../../platform/http/input-schemas.js';
import { defineModule } from '../../platform/modules/define-module.js';
import { reviewErrors } from './errors.js';
import { reviewEvents } from './events.js';
import { reviewPermissions } from './permissions.js';
import { processDeliveryJob, processOnReceiptListener, retryDeliveriesJob } from './process-delivery-job.js';
import { pullSourcesJob } from './pull-sources-job.js';
import { reviewRoutes } from './routes.js';

// Reviews and social mentions: sources posting (or polled for) items in one contract, kept raw
// and by version; the ones that need an answer become conversations with a follow-up promise.
export const reviewsModule = defineModule({
  name: 'reviews',
  routes: reviewRoutes,
  jobs: [pullSourcesJob, processDeliveryJob, retryDeliveriesJob],
  listeners: [processOnReceiptListener],
  permissions: reviewPermissions,
  errors: reviewErrors,
  events: reviewEvents,
  adminCommands: {
    'reviews.import': {
      args: z
        .object({
          workspace: z.uuid('must be a workspace id (a UUID)'),
          source: text({ min: 1, max: 200 }),
          backfill: z.boolean().default(false),
          // Each row as the CSV gave it, already in the item contract, with its line number.
          rows: z.array(z.object({ line: z.number().int().min(1), item: z.unknown() })).max(1_000),
        })
        .strict(),
      load: () => import('./import-command.js').then((m) => m.importReviews),
    },
  },
});

export { processStoredDelivery } from './process-delivery-job.js';
export { pullSource } from './pull-source.js';
