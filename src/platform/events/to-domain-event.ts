import type { DomainEvent } from './define-events.js';
import type { OutboxRow } from './outbox-table.js';

export const toDomainEvent = (row: OutboxRow): DomainEvent =>
  ({
    id: row.id,
    type: row.type,
    workspaceId: row.workspaceId,
    at: row.createdAt.toISOString(),
    data: row.data,
  }) as DomainEvent;
