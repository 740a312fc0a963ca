import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf, inTransaction, type Executor } from "../executor.ts";
import { reindexAllReports } from "../queries/report-search.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Report search as an engine feature (issue 11; docs/architecture.md, "Search"): the folded
 * text of each report's searchable fields beside the report, and the engine's index over its
 * two-character pieces. Existing reports are indexed here, in one transaction.
 *
 * The rebuild runs today's normaliser: if `searchText` ever changes, a new migration calls
 * `reindexAllReports` again so old and new reports are folded alike.
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`create table report_search (
      report_id text primary key references reports (id) on delete cascade,
      contract_id text not null,
      received_at text not null,
      search_text text not null
    )`.execute(db);
    // The bigrams of a search text tagged with contract and month, as `ftsDocument` makes them
    // for SQLite (the month from the stored text 'YYYY-MM-…Z', so the function is IMMUTABLE and
    // an index may hold it). A high cost so the planner never prefers evaluating it row by row.
    await sql`create function report_search_grams(contract_id text, received_at text, search_text text) returns text[]
      language sql immutable strict parallel safe cost 10000 as $$
        select coalesce(array_agg(distinct tag || substr(search_text, i, 2)), '{}')
        from (select substr(md5(contract_id), 1, 6) || to_hex(substr(received_at, 1, 4)::int * 12 + substr(received_at, 6, 2)::int - 1) as tag) as t,
          generate_series(1, char_length(search_text) - 1) as i
        where strpos(substr(search_text, i, 2), chr(10)) = 0
      $$`.execute(db);
    await sql`create index report_search_grams_idx on report_search using gin (report_search_grams(contract_id, received_at, search_text))`.execute(db);
  } else {
    // key: the report's received instant in ms × 1024 + its place within that ms, so the FTS
    // rowid order is time order and a date range is a rowid range.
    await sql`create table report_search (
      key integer primary key,
      report_id text not null unique references reports (id) on delete cascade,
      search_text text not null
    )`.execute(db);
    // Contentless (the text is in report_search), the ascii tokenizer (splits on ASCII spaces
    // only; every non-ASCII character is part of a token), and no positions: the substring check
    // on report_search.search_text makes the answer exact, positions would only make it bigger.
    await sql`create virtual table report_search_fts using fts5(
      grams, content = '', contentless_delete = 1, tokenize = 'ascii', detail = none
    )`.execute(db);
    await sql`create trigger report_search_fts_delete after delete on report_search begin
      delete from report_search_fts where rowid = old.key;
    end`.execute(db);
  }
  await inTransaction(db as Executor, (trx) => reindexAllReports(trx));
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop table report_search`.execute(db);
    await sql`drop function report_search_grams(text, text, text)`.execute(db);
  } else {
    await sql`drop trigger report_search_fts_delete`.execute(db);
    await sql`drop table report_search_fts`.execute(db);
    await sql`drop table report_search`.execute(db);
  }
}
