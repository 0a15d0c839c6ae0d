import { sql, type SQL } from 'drizzle-orm';

/**
 * A list sent as one array parameter of PostgreSQL's `type[]`. Drizzle sends a JS array as one
 * parameter per item, and a team of five hundred would be five hundred parameters to send and
 * plan. Each item is quoted as the array syntax wants, so any text is safe in it.
 */
export const arrayParam = (values: readonly string[], type: 'text' | 'uuid'): SQL =>
  sql`${`{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`}::${sql.raw(type)}[]`;
