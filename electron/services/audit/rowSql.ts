import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditedTables, ignoredEverywhere, type AuditedTable } from './auditedTables';

/**
 * How a row of an audited table is named and digested, as SQL generated from the table's own
 * columns (PRAGMA table_info), so the temp triggers, appendEvent, the start of the chain and verify
 * all use the same expressions.
 *
 * - key: the primary key as text — the id for `id integer primary key` tables, json_array(...) for
 *   a composite key (hearing_record_steps), the text key itself (evidence_files.sha256).
 * - digest: audit_row_digest('table', value, …) over the audited columns in name order; the function
 *   hashes [[column, value], …] of the non-null ones, so adding a nullable column in a later schema
 *   keeps old digests valid.
 */
export type TableSql = {
  name: string;
  label: string;
  /** Audited columns, sorted by name. */
  columns: string[];
  /** The primary key as text, for a row alias (NEW, OLD, t). */
  key: (alias: string) => string;
  /** SQL matching a row alias against a text key expression (index-friendly). */
  match: (alias: string, keyText: string) => string;
  /** audit_row_digest(...) over the row alias. */
  digest: (alias: string) => string;
  hasCaseId: boolean;
};

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

type ColumnInfo = { name: string; type: string; pk: number };

export function tableSql(client: Database.Database, table: AuditedTable): TableSql {
  const info = client.prepare(`select name, type, pk from pragma_table_info(?)`).all(table.name) as ColumnInfo[];
  if (!info.length)
    throw new Error(`数据库中没有数据表 ${table.name}：此数据目录由较旧的版本建立，请先用本程序打开一次（打开时自动升级数据库），再核验`);
  const ignore = new Set([...ignoredEverywhere, ...(table.ignore ?? [])]);
  const columns = info
    .map((c) => c.name)
    .filter((c) => !ignore.has(c))
    .sort();
  const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (!pk.length) throw new Error(`audited table without a primary key: ${table.name}`);
  const single = pk.length === 1;
  const integerKey = single && pk[0]!.type.toUpperCase() === 'INTEGER';
  return {
    name: table.name,
    label: table.label,
    columns,
    key: (a) => (single ? `cast(${a}.${q(pk[0]!.name)} as text)` : `json_array(${pk.map((c) => `${a}.${q(c.name)}`).join(', ')})`),
    match: (a, k) =>
      integerKey
        ? `${a}.${q(pk[0]!.name)} = cast(${k} as integer)`
        : single
          ? `${a}.${q(pk[0]!.name)} = ${k}`
          : pk.map((c, i) => `${a}.${q(c.name)} = json_extract(${k}, '$[${i}]')`).join(' and '),
    digest: (a) => `audit_row_digest('${table.name}', ${columns.map((c) => `${a}.${q(c)}`).join(', ')})`,
    hasCaseId: info.some((c) => c.name === 'case_id'),
  };
}

export function auditedTableSql(client: Database.Database): TableSql[] {
  return auditedTables.map((t) => tableSql(client, t));
}

/**
 * The row's canonical form: [[column, value], …] over its non-null audited columns in name order,
 * as JSON; its SHA-256 in hex.
 */
export function rowDigest(columns: readonly string[], values: readonly unknown[]): string {
  const pairs: unknown[] = [];
  for (let i = 0; i < columns.length; i++) if (values[i] !== null) pairs.push([columns[i], values[i]]);
  return crypto.hash('sha256', JSON.stringify(pairs));
}

/** audit_row_digest(table, values…) on a connection that writes or verifies the chain. */
export function registerDigestFunction(client: Database.Database, tables: readonly TableSql[]): void {
  const columnsOf = new Map(tables.map((t) => [t.name, t.columns]));
  client.function('audit_row_digest', { deterministic: true, varargs: true }, (table: unknown, ...values: unknown[]) => {
    const columns = columnsOf.get(table as string);
    if (!columns) throw new Error(`not an audited table: ${String(table)}`);
    return rowDigest(columns, values);
  });
}

/**
 * The digest of an event's rows: SHA-256 over one line "table\tkey\tdigest-or-dash\n" per row, in
 * the order event_rows lists them. ROW_LINES builds the lines of a range of event_rows in SQL.
 */
export const ROW_LINES = `string_agg(table_name || char(9) || row_key || char(9) || coalesce(digest, '-'), char(10) order by id)`;

export function rowsDigestOfLines(lines: string | null): string | null {
  return lines === null ? null : crypto.hash('sha256', `${lines}\n`);
}

/** The same, line by line (verify streams event_rows in batches). */
export class RowsHasher {
  private hash: crypto.Hash | null = null;
  add(e: { table_name: string; row_key: string; digest: string | null }): void {
    this.hash ??= crypto.createHash('sha256');
    this.hash.update(`${e.table_name}\t${e.row_key}\t${e.digest ?? '-'}\n`);
  }
  digest(): string | null {
    const result = this.hash ? this.hash.digest('hex') : null;
    this.hash = null;
    return result;
  }
}
