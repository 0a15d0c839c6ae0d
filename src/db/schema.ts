// Every table, one file per module; drizzle-kit reads this to generate migrations.
export * from './schema/workspaces.js';
export * from './schema/customers.js';
export * from './schema/conversations.js';
export * from './schema/quality.js';
// Kernel tables.
export * from '../platform/events/outbox-table.js';
