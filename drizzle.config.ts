import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Each module owns its tables in its own schema.ts; the kernel owns the event outbox.
  schema: ['./src/modules/*/schema.ts', './src/platform/events/outbox-table.ts'],
  out: './src/db/migrations',
});
