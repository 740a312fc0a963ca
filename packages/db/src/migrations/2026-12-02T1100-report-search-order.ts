import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../executor.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * PostgreSQL: each search row carries its report's contract and received instant, so the
 * subquery that finds a page's reports through the GIN index also orders them and keeps only the
 * page's newest (`pgFoundInMonths`). Before, every candidate of a month was looked up in
 * `reports` by its random id, about 40 µs each: a frequent word's 884 candidates in a month of
 * the big contract were most of its 12–19 ms (issue 11, docs/architecture.md, "Search").
 *
 * The table is written again rather than updated in place: an UPDATE of a million rows leaves a
 * million dead ones and a million new GIN entries, one by one (`fastupdate` is off). Written
 * again in (contract, time) order, a month of one contract's rows sits on neighbouring pages,
 * which is what a search's bitmap scan reads; the GIN index is built once, at the end.
 * SQLite's key already is the report's time, and FTS5 stops at the page's limit by itself.
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`create table report_search_ordered (
    report_id text primary key references reports (id) on delete cascade,
    contract_id text not null,
    received_at text not null,
    search_text text not null,
    grams text[] not null
  )`.execute(db);
  await sql`insert into report_search_ordered (report_id, contract_id, received_at, search_text, grams)
    select s.report_id, r.contract_id, r.received_at, s.search_text, s.grams
    from report_search s join reports r on r.id = s.report_id
    order by r.contract_id, r.received_at`.execute(db);
  await sql`drop table report_search`.execute(db);
  await sql`alter table report_search_ordered rename to report_search`.execute(db);
  await sql`alter index report_search_ordered_pkey rename to report_search_pkey`.execute(db);
  await sql`create index report_search_grams_idx on report_search using gin (grams) with (fastupdate = off)`.execute(db);
  await sql`analyze report_search`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`alter table report_search drop column contract_id, drop column received_at`.execute(db);
}
