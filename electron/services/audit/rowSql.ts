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
 * - digest: audit_row_digest('col', value, …) over the audited columns in name order; the function
 *   hashes the non-null ones, so adding a nullable column in a later schema keeps old digests valid.
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
  if (!info.length) throw new Error(`audited table missing: ${table.name}`);
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
    digest: (a) => `audit_row_digest(${columns.map((c) => `'${c}', ${a}.${q(c)}`).join(', ')})`,
    hasCaseId: info.some((c) => c.name === 'case_id'),
  };
}

export function auditedTableSql(client: Database.Database): TableSql[] {
  return auditedTables.map((t) => tableSql(client, t));
}

/**
 * The row's canonical form: [[column, value], …] over its non-null audited columns in name order,
 * as JSON; its SHA-256 in hex. Registered on every connection that writes or verifies the chain.
 */
export function rowDigest(args: unknown[]): string {
  const pairs: unknown[] = [];
  for (let i = 0; i < args.length; i += 2) if (args[i + 1] !== null) pairs.push([args[i], args[i + 1]]);
  return crypto.createHash('sha256').update(JSON.stringify(pairs)).digest('hex');
}

export function registerDigestFunction(client: Database.Database): void {
  client.function('audit_row_digest', { deterministic: true, varargs: true }, (...args: unknown[]) => rowDigest(args));
}

/** The digest of an event's rows: SHA-256 over "table\tkey\tdigest-or-dash\n" in the order listed. */
export function rowsDigestOf(entries: Iterable<{ table_name: string; row_key: string; digest: string | null }>): string | null {
  let hash: crypto.Hash | null = null;
  for (const e of entries) {
    hash ??= crypto.createHash('sha256');
    hash.update(`${e.table_name}\t${e.row_key}\t${e.digest ?? '-'}\n`);
  }
  return hash ? hash.digest('hex') : null;
}
