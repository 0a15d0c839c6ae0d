import type { Channel } from '../conversations/index.js';
import type { CapacityKind } from './schema.js';

// Which capacity a channel uses: reviews are answered like social posts, API conversations like
// email (written, not live).
const kindOf: Record<Channel, CapacityKind> = {
  chat: 'chat',
  email: 'email',
  phone: 'phone',
  social: 'social',
  review: 'social',
  api: 'email',
};
export const capacityKindOf = (channel: Channel): CapacityKind => kindOf[channel];

const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
export const priorityRank = (priority: keyof typeof rank): number => rank[priority];
