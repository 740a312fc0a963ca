import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../executor.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * PostgreSQL: the search's GIN index without its pending list (issue 11). With `fastupdate` on,
 * new entries wait in an unsorted list that every search reads whole until a vacuum merges it:
 * after the volume seed that list was 285 pages, and a one-month search for 田中 spent 5 ms in it
 * instead of 0.4 ms. A report's save now writes its bigrams into the index itself (about a
 * hundred entries; an agency saves a few reports a second at most), and the list left behind is
 * merged here. SQLite's FTS5 has nothing of the kind.
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`alter index report_search_grams_idx set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('report_search_grams_idx'::regclass)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`alter index report_search_grams_idx reset (fastupdate)`.execute(db);
}
