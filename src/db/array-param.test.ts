import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { arrayParam } from './array-param.js';
import { openPglite } from './client.js';

const handle = await openPglite({});
afterAll(() => handle.close());

describe('arrayParam', () => {
  it('sends a list as one array parameter, each item whole whatever it holds', async () => {
    const items = ['plain', 'with, comma', 'with "quotes"', 'back\\slash', '{braces}', ''];
    const result = await handle.db.execute(sql`SELECT unnest(${arrayParam(items, 'text')}) AS item`);
    expect((result as unknown as { rows: { item: string }[] }).rows.map((r) => r.item)).toEqual(items);
  });
});
