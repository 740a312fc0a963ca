import { randomUUID } from "node:crypto";
import { PostgresAdapter, sql } from "kysely";
import type { Kysely, RawBuilder, Transaction } from "kysely";
import type { Database } from "./schema.ts";

/** What every query function takes first: the database, or a transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type DialectName = "sqlite" | "postgres";

/**
 * The few places whose SQL differs (row locks, default expressions) ask the executor which
 * engine it talks to, so callers never have to pass the dialect along with `db`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold an untyped Kysely
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Runs `fn` atomically: in a new transaction, or inside the caller's when `db` already is one
 * (kysely cannot nest `transaction()`), so query functions compose into bigger transactions.
 */
export function inTransaction<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export const newId = (): string => randomUUID();

/** The one timestamp form stored everywhere: ISO-8601 UTC with milliseconds. */
export const isoNow = (): string => new Date().toISOString();

/** count(*) is a number on SQLite and a string (bigint) on PostgreSQL. */
export const toCount = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

export function parseJsonArray(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
}

/** Escapes `\`, `%` and `_` so user text is matched literally by LIKE … ESCAPE '\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `lower(column) LIKE lower(pattern) ESCAPE '\'`: case-insensitive on PostgreSQL too, and a
 * plain substring match for Japanese text on both engines.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like lower(${likeContains(text)}) escape '\\'`;
}

/**
 * A UNIQUE constraint as each engine names it: PostgreSQL by name, SQLite by its columns (or, for
 * an index on expressions, `columns` empty, by the index's name).
 */
export interface UniqueConstraint {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
}

/**
 * A write refused by a UNIQUE constraint, on either engine (SQLite's SQLITE_CONSTRAINT_UNIQUE /
 * _PRIMARYKEY, PostgreSQL's 23505), optionally that one constraint. Lets a caller rely on the
 * constraint instead of a racy read-then-write check.
 */
export function isUniqueViolation(error: unknown, constraint?: UniqueConstraint): boolean {
  const failure = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  const code = failure?.code;
  if (code === "23505") return !constraint || failure?.constraint === constraint.name;
  if (code !== "SQLITE_CONSTRAINT_UNIQUE" && code !== "SQLITE_CONSTRAINT_PRIMARYKEY") return false;
  if (!constraint) return true;
  // "UNIQUE constraint failed: roster_members.contract_id, roster_members.position", or for an
  // index on expressions "UNIQUE constraint failed: index 'invitations_one_open'"
  const failed = String(failure?.message ?? "").replace(/^UNIQUE constraint failed: /, "");
  if (constraint.columns.length === 0) return failed === `index '${constraint.name}'`;
  return failed === constraint.columns.map((column) => `${constraint.table}.${column}`).join(", ");
}
