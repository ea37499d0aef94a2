/**
 * Queries on hot paths, built once. drizzle rebuilds a query's SQL text on every call, and on this
 * schema that costs more than running it (0.1–0.5 ms to build a select of a case row, against
 * ~20 µs to run it prepared): a service that runs once per worker or once per call of a bulk tool
 * uses these instead. Both run on the database's own connection, so inside a transaction (or a
 * savepoint) they are part of it.
 */
import { getTableColumns, getTableName, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

/**
 * A drizzle query (or a set of them) built once per database and kept:
 *   const caseRow = prepared((db) => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare());
 *   caseRow(ctx.db).get({ id });
 */
export function prepared<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}

type Column = ReturnType<typeof getTableColumns>[string];
const tableColumns = new WeakMap<SQLiteTable, Record<string, Column>>();
/** The INSERT statements of insertRows, per connection and SQL text (a few per table: the keys a caller passes). */
const insertStatements = new WeakMap<Db['$client'], Map<string, ReturnType<Db['$client']['prepare']>>>();

/**
 * Inserts rows that all have the same keys (as in the schema, values as drizzle takes them:
 * booleans, dates…) through one prepared statement, row by row; returns their rowids in order.
 * Keys left out get the column's SQL default, as with drizzle's insert (the schema has no
 * $defaultFn); a key whose value is undefined in the first row is left out for every row.
 */
export function insertRows<T extends SQLiteTable>(db: Db, table: T, rows: InferInsertModel<T>[]): number[] {
  if (!rows.length) return [];
  let columns = tableColumns.get(table);
  if (!columns) tableColumns.set(table, (columns = getTableColumns(table)));
  const keys = Object.keys(rows[0]!).filter((k) => (rows[0] as Record<string, unknown>)[k] !== undefined);
  const used = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertRows: ${getTableName(table)} has no column ${key}`);
    return column;
  });
  const sqlText = `insert into "${getTableName(table)}" ("${used.map((c) => c.name).join('", "')}") values (${used.map(() => '?').join(', ')})`;
  let statements = insertStatements.get(db.$client);
  if (!statements) insertStatements.set(db.$client, (statements = new Map()));
  let stmt = statements.get(sqlText);
  if (!stmt) statements.set(sqlText, (stmt = db.$client.prepare(sqlText)));
  const values: unknown[] = new Array(keys.length);
  return rows.map((row) => {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const value = r[keys[i]!];
      values[i] = value === null || value === undefined ? null : used[i]!.mapToDriverValue(value);
    }
    return Number(stmt.run(values).lastInsertRowid);
  });
}

/** One row: insertRows with a single row; returns its rowid. */
export function insertRow<T extends SQLiteTable>(db: Db, table: T, row: InferInsertModel<T>): number {
  return insertRows(db, table, [row])[0]!;
}
