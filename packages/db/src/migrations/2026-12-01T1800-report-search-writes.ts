import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf, type Executor } from "../executor.ts";
import { insertFts } from "../queries/report-search.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * How a save writes the search index, on each engine (issue 11; docs/architecture.md, "Search").
 *
 * SQLite: FTS5 writes a new segment at every commit, whatever its settings (automerge,
 * crisismerge, columnsize: all measured alike), about 0.2 ms a save, a third of the save's
 * transaction. So a save lists its report in `report_search_pending` instead, and every 64th
 * save moves the pending reports into FTS5 in one go (`indexReports`); a search reads the few
 * pending reports by substring beside what FTS5 finds. The same idea as PostgreSQL's GIN
 * pending list, with a bound of our own, so a report is still findable from its own commit.
 *
 * PostgreSQL: the opposite. With `fastupdate` on, new entries wait in GIN's unsorted list that
 * every search reads whole until a vacuum merges it: after the volume seed that list was 285
 * pages, and a one-month search for 田中 spent 5 ms in it instead of 0.4 ms. A save now writes its
 * bigrams into the index itself (about a hundred entries), and the list left behind is merged here.
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter index report_search_grams_idx set (fastupdate = off)`.execute(db);
    await sql`select gin_clean_pending_list('report_search_grams_idx'::regclass)`.execute(db);
    return;
  }
  // seq: the place in the list, which empties all at once, so the save that takes place 64
  // knows the list is full without counting it.
  await sql`create table report_search_pending (
    seq integer primary key,
    key integer not null references report_search (key) on delete cascade
  )`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter index report_search_grams_idx reset (fastupdate)`.execute(db);
    return;
  }
  // Whatever is pending goes into FTS5 first, or it would be lost to search.
  await flushKeyedPending(db as Executor);
  await sql`drop table report_search_pending`.execute(db);
}

/**
 * SQLite: the reports this migration's list holds (by their `report_search` key) into FTS5,
 * and the list emptied. 2026-12-02T1200 replaced the list; its `up` calls this too.
 */
export async function flushKeyedPending(db: Executor): Promise<void> {
  const pending = await sql<{ key: number; text: string; contractId: string; receivedAt: string }>`
    select p.key, s.search_text as text, r.contract_id, r.received_at
    from report_search_pending p join report_search s on s.key = p.key join reports r on r.id = s.report_id`.execute(db);
  await insertFts(db, pending.rows);
  await sql`delete from report_search_pending`.execute(db);
}
