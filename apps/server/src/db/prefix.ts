import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column` starts with `prefix`, as a range (`>= p and < p + U+FFFF`) rather than LIKE: a plain B-tree index
 * serves it on both SQLite (BINARY) and PostgreSQL (the C collation this project's databases use), with no
 * pattern characters to escape. Used by the search finders, which must never scan a large table.
 */
export function startsWith(column: string, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${`${prefix}\uffff`})`;
}
