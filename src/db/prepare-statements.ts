import { createHash } from 'node:crypto';
import type pg from 'pg';

// Past this many distinct texts a connection sends new ones unnamed: a text with many variants
// (an IN list of each length) must not pile up prepared statements in the server's memory.
const MAX_STATEMENTS_PER_CONNECTION = 500;

type QueryConfig = { text?: unknown; name?: string; values?: unknown[] };

// Names already derived, by text: hashing a long text (the busiest writes run to a kilobyte) on
// every execution showed in the server's profile; a map lookup costs a fraction of it. Bounded like
// the connections' statements, and emptied rather than evicted one by one when full.
const names = new Map<string, string>();
const MAX_NAMES = 5_000;

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `e_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL parses and plans an unnamed statement again on every execution, and the busiest
 * writes here (a CTE under row-level security) cost more to plan than to run. So each query text
 * a connection sends with parameters is prepared under a name derived from the text, and later
 * executions on that connection skip parsing and, after a few runs, planning: PostgreSQL's plan
 * cache, which plans again by itself when the role, the schema or the statistics change.
 * Only queries that already take the extended protocol (those with parameters) are named, since a
 * prepared statement holds one command and simple-protocol queries may hold several.
 */
export function prepareStatements(client: pg.PoolClient): void {
  const named = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    const c = config as QueryConfig | null;
    const params = Array.isArray(values) ? values : c?.values;
    if (c && typeof c === 'object' && !c.name && typeof c.text === 'string' && params?.length) {
      const name = statementName(c.text);
      if (named.has(name) || named.size < MAX_STATEMENTS_PER_CONNECTION) {
        named.add(name);
        // Copied onto a fresh object, not `{ ...c, name }`: a copy made by spreading starts with a
        // map of its own, and `name` added after it made V8 a new map for every query (see
        // inWorkspace's ctx).
        return query(Object.assign({}, c, { name }), values, callback);
      }
    }
    return query(config, values, callback);
  }) as typeof client.query;
}
