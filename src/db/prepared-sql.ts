import { is, Placeholder, sql, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * A statement with its values: `query`, its text and parameters ready for node-postgres, and
 * `toSql()`, the same statement built the ordinary way (for drivers that take drizzle's SQL).
 */
export type BoundSql = { query: Query; toSql(): SQL };

const dialect = new PgDialect();

export const isBoundSql = (statement: SQL | BoundSql): statement is BoundSql => 'toSql' in statement;

type Slot<V> = { name: keyof V } | { constant: unknown };

/**
 * A statement whose text is built once: `build` is called with a placeholder for each value and
 * turned into text, and each later use only puts its values in the parameters. Building drizzle's
 * SQL and walking it into text on every request was a tenth of the server's JavaScript on the
 * busiest write. `build` must only interpolate its values (`${v.name}`), never look at them
 * (a placeholder is no boolean, nor any value): whatever changes the text is a statement of its own.
 * A value interpolated more than once is one parameter, so PostgreSQL reads it (a time, a UUID)
 * once per execution, not once per use; its uses must agree on its type.
 */
export function prepareSql<V extends Record<string, unknown>>(build: (values: V) => SQL) {
  const placeholders = new Proxy({} as V, { get: (_, name) => sql.placeholder(String(name)) });
  const { sql: text, params } = shareRepeatedValues(dialect.sqlToQuery(build(placeholders)));
  // Each parameter is a value's name or a constant of the text, told apart once here.
  const slots = params.map((p): Slot<V> =>
    is(p, Placeholder) ? { name: p.name as keyof V } : { constant: p },
  );
  return (values: V): BoundSql => ({
    query: { sql: text, params: slots.map((s) => ('name' in s ? values[s.name] : s.constant)) },
    toSql: () => build(values),
  });
}

// Renumbers the text's parameters so that each value's uses share its first use's number. Drizzle
// numbers them $1, $2, … in the order they appear; a text holding any other `$n` of its own (in a
// literal) is refused rather than rewritten wrongly.
function shareRepeatedValues(query: Query): Query {
  const numbers = new Map<string, number>();
  const params: unknown[] = [];
  let seen = 0;
  const sql = query.sql.replace(/\$(\d+)\b/g, (_, n: string) => {
    if (Number(n) !== ++seen) throw new Error(`A prepared statement's text holds $${n} of its own`);
    const param = query.params[seen - 1];
    const name = is(param, Placeholder) ? param.name : undefined;
    let number = name === undefined ? undefined : numbers.get(name);
    if (number === undefined) {
      params.push(param);
      number = params.length;
      if (name !== undefined) numbers.set(name, number);
    }
    return `$${number}`;
  });
  if (seen !== query.params.length) throw new Error('A prepared statement lost some of its parameters');
  return { ...query, sql, params };
}
