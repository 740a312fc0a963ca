import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SqliteDatabase from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DialectName } from "./executor.ts";
import type { Database } from "./schema.ts";

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

// `date` columns would otherwise come back as local-midnight Dates (see STACK.md). Our own
// times are TEXT, but a `date` from an ad-hoc query should read as what was stored.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * The code names columns in camelCase (`answerName`), the database in snake_case
 * (`answer_name`): the plugin translates both ways, so rows are camelCase from the query
 * functions up to the wire. JSON columns are TEXT, so their contents are never renamed.
 */
const plugins = [new CamelCasePlugin()];

/**
 * Opens the database named by `url`: `postgres://…` / `postgresql://…` is PostgreSQL, anything
 * else (`file:…`, a plain path or `:memory:`) is an SQLite file.
 */
export function createDb(url: string, options: CreateDbOptions = {}): Db {
  if (/^postgres(ql)?:\/\//.test(url)) return createPostgres(url, options);
  return createSqlite(url);
}

export interface CreateDbOptions {
  /**
   * PostgreSQL only: an idle pooled connection died (server restart, network). pg drops it and
   * opens a new one on the next query; without a listener the error would end the process.
   */
  onPoolError?: (error: Error) => void;
}

function createPostgres(url: string, options: CreateDbOptions): Db {
  const pool = new pg.Pool({ connectionString: url });
  pool.on("error", options.onPoolError ?? ((error) => console.error("[db] idle connection lost:", error.message)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  // Kysely's destroy() ends the pool.
  return { db, dialect: "postgres", close: () => db.destroy() };
}

function sqlitePath(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (url.startsWith("file://")) return fileURLToPath(url);
  return resolve(url.startsWith("file:") ? url.slice("file:".length) : url);
}

/**
 * Kysely prepares every statement anew; preparing is a real share of a small query's cost. The
 * same SQL text (kysely's output is stable per query shape) gets the same prepared statement.
 */
function withStatementCache(database: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used goes last, so the first key is always the one to evict.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

function createSqlite(url: string): Db {
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  // WAL lets readers go on while the one writer writes; busy_timeout waits out a brief lock
  // instead of failing; SQLite leaves foreign keys off unless asked, per connection.
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  // In WAL mode NORMAL still survives a crash of the process (a committed transaction is in
  // the WAL); only a power cut can lose the last commits. FULL would fsync every commit.
  database.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }), plugins });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}
