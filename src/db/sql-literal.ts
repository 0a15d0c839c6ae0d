/**
 * A string as a PostgreSQL literal, for the few queries sent with the simple protocol (several
 * statements in one round trip, which the extended protocol's parameters cannot do). Quotes are
 * doubled; a value with a backslash becomes an escape string (E'…') with backslashes doubled, so
 * it reads the same whatever the server's standard_conforming_strings says.
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('A PostgreSQL text value cannot hold a NUL character');
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}
