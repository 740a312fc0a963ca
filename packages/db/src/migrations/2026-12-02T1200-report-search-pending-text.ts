import { sql } from "kysely";
import type { Kysely, RawBuilder } from "kysely";
import { dialectOf, type Executor } from "../executor.ts";
import { flushPendingSearch } from "../queries/report-search.ts";
import { flushKeyedPending } from "./2026-12-01T1800-report-search-writes.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * SQLite: a save lists its report's folded text in `report_search_pending` and nothing else;
 * the report gets its `report_search` row (and key) when the list goes into FTS5, with the 63
 * others. Before, a save wrote that row too (a statement that reads the millisecond's free key,
 * and pages of the table and of its `report_id` index) and then listed the key: measured on the
 * save's transaction, 140 µs of the index's cost against 80 µs now (issue 11, docs/architecture.md,
 * "Search"). No index on `report_id`: the list holds at most 64 rows.
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await replaceList(db as Executor, flushKeyedPending, sql`report_id text not null references reports (id) on delete cascade, search_text text not null`);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await replaceList(db as Executor, flushPendingSearch, sql`key integer not null references report_search (key) on delete cascade`);
}

/** Empties the list into FTS5 with the flush that reads its present shape, then makes it anew. */
async function replaceList(db: Executor, flush: (db: Executor) => Promise<unknown>, columns: RawBuilder<unknown>): Promise<void> {
  await flush(db);
  await sql`drop table report_search_pending`.execute(db);
  await sql`create table report_search_pending (seq integer primary key, ${columns})`.execute(db);
}
