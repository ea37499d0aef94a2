import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/**
 * The app's database handle. No drizzle schema is attached: the app uses the query builder and SQL
 * templates, never relational queries, and with a schema drizzle builds a query object per table
 * for every transaction.
 */
export type Db = BetterSQLite3Database & { $client: Database.Database };

export type OpenOptions = {
  /** Folder holding drizzle-kit's SQL files and meta/_journal.json. */
  migrationsFolder: string;
  /** For Electron: an Electron-ABI build of better-sqlite3 (see README). */
  nativeBinding?: string;
  /** Runs on the bare connection before any pragma or migration writes (start checks, a backup of the old database before migrating). */
  beforeMigrate?: (client: Database.Database) => void;
};

/**
 * Opens (creating if needed) the database file with the pragmas of architecture.md and applies
 * pending migrations with foreign keys off outside the migration transaction, then checks them.
 * Every `db.transaction` begins IMMEDIATE unless it says otherwise: a writer takes the write lock
 * up front, so `busy_timeout` applies instead of a deferred transaction failing with
 * "database is locked" when another connection wrote first.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const client = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    options.beforeMigrate?.(client);
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = FULL');
    client.pragma('busy_timeout = 10000');
    client.pragma('cache_size = -65536');
    cacheStatements(client);
    const db = immediateByDefault(drizzle(client) as Db);
    migrateSafely(db, options.migrationsFolder);
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}

function immediateByDefault(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as Db['transaction'];
  return db;
}

/**
 * drizzle prepares every query it runs, and better-sqlite3 compiles SQL on every prepare(): keep
 * the compiled statements (least recently used first out) so a query run again skips SQLite's
 * parser and planner. A statement busy in an open iterator is never handed out twice; a reused
 * reader comes back in its default mode (objects, not raw/plucked/expanded rows), so a caller that
 * changes the mode sets it before each use, as drizzle does.
 */
export function cacheStatements(client: Database.Database, size = 2000): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source);
      cache.set(source, hit);
      if (hit.reader) hit.pluck(false).expand(false).raw(false);
      return hit;
    }
    const stmt = prepare(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  }) as typeof client.prepare;
}

export function migrateSafely(db: Db, migrationsFolder: string): void {
  const client = db.$client;
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const broken = client.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new Error(`数据库迁移后外键检查失败（${broken.length} 处），请联系维护人员：${JSON.stringify(broken.slice(0, 3))}`);
    }
  } finally {
    client.pragma('foreign_keys = ON');
  }
}

/** A transaction handle, or the database itself: what query helpers accept. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
