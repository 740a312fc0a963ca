import { sql } from "kysely";
import type { Kysely } from "kysely";
import { searchText } from "@uketsuke/domain";
import { dialectOf, inTransaction, type Executor } from "../executor.ts";
import { indexAllReports, taggedBigrams } from "../queries/report-search.ts";

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
    // grams: the report's bigrams tagged with contract and month, as `ftsDocument` makes
    // SQLite's FTS document. Stored, not an expression index: the planner may still walk the
    // (contract, time) order and test each row, which must then cost an array check, not a
    // function call (measured: an IMMUTABLE SQL function there took seconds for a rare word).
    await sql`create table report_search (
      report_id text primary key references reports (id) on delete cascade,
      search_text text not null,
      grams text[] not null
    )`.execute(db);
    await sql`create index report_search_grams_idx on report_search using gin (grams)`.execute(db);
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
  await inTransaction(db as Executor, async (trx) => {
    if (dialectOf(db) === "postgres") await indexAsFirstWritten(trx);
    else await indexAllReports(trx);
  });
}

/**
 * PostgreSQL: existing reports into the table as this migration made it. `indexAllReports`
 * writes the table of the newest schema (2026-12-02T1100 added columns), which is not there yet.
 */
async function indexAsFirstWritten(db: Executor): Promise<void> {
  for (let after = ""; ; ) {
    const rows = await db
      .selectFrom("reports")
      .select(["id", "contractId", "receivedAt", "callerCompany", "callerName", "requestedPerson", "message", "callbackNumber"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(2000)
      .execute();
    const last = rows.at(-1);
    if (!last) return;
    for (const r of rows) {
      const text = searchText(r);
      await sql`insert into report_search (report_id, search_text, grams) values (${r.id}, ${text}, ${taggedBigrams(r.contractId, r.receivedAt, text)}::text[])`.execute(db);
    }
    after = last.id;
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop table report_search`.execute(db);
  } else {
    await sql`drop trigger report_search_fts_delete`.execute(db);
    await sql`drop table report_search_fts`.execute(db);
    await sql`drop table report_search`.execute(db);
  }
}
