// The search index beside the reports (issue 11; docs/architecture.md, "Search"). The domain
// folds a report's searchable fields into one text (`searchText`); `report_search` keeps it
// beside the report, and the engine indexes its two-character pieces, so a term of two
// characters (田中) is found through the index like a longer one:
//   SQLite: an FTS5 table (contentless, ascii tokenizer) holds one token per bigram, tagged with
//     the contract and the month; its rowid is `report_search.key`, the report's place in time,
//     so FTS5 walks a token's postings newest first and stops at the page's limit, and a date
//     range is a rowid range over the months it touches.
//   PostgreSQL: a GIN index on the same tagged bigrams, computed from the stored text by an
//     IMMUTABLE SQL function; the planner picks it or the (contract, time) b-tree.
// Either way every term is then checked as a substring of the stored text: the bigrams say which
// reports may hold a term, the substring check makes the answer exact.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { ColumnType, Expression, Generated, Kysely, RawBuilder, SqlBool } from "kysely";
import { isIndexableTerm, searchBigrams, searchTerms, searchText, type SearchableReport } from "@uketsuke/domain";
import { dialectOf, type DialectName, type Executor } from "../executor.ts";

/**
 * The search tables, known only to this file and reports.ts (schema.ts describes what the app
 * reads). `key` is SQLite's (the FTS rowid); `grams` is PostgreSQL's (the tagged bigrams its
 * GIN index holds, as SQLite's FTS document holds them).
 */
export type SearchTables = {
  report_search: {
    key: ColumnType<number, number | undefined, never>;
    reportId: string;
    searchText: string;
    grams: ColumnType<string[], string[] | undefined, never>;
    contractId: ColumnType<string, string | undefined, never>;
    receivedAt: ColumnType<string, string | undefined, never>;
  };
  report_search_fts: { rowid: number; grams: string };
  report_search_pending: { seq: Generated<number>; reportId: string; searchText: string };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold an untyped Kysely
export const withSearch = (db: Executor | Kysely<any>) => (db as Executor).withTables<SearchTables>();

/** A key is the received instant in ms times this, plus the report's place within that ms. */
export const KEY_SLOTS = 1024;

/** The first key of the millisecond `iso` falls in. */
export const keyOf = (iso: string): number => Date.parse(iso) * KEY_SLOTS;

/**
 * A short tag per contract in front of every indexed bigram, so a token's postings hold one
 * contract's reports and a search in a small contract never walks the big one's. Two contracts
 * sharing a tag (2^-24 a pair) only cost candidates the contract condition drops.
 */
export function contractTag(contractId: string): string {
  return createHash("md5").update(contractId).digest("hex").slice(0, 6);
}

/**
 * The calendar month (UTC) of an instant, in hexadecimal. FTS5 finds a rowid inside a token's
 * postings by reading them from one end, so a token per contract and month keeps that read to
 * one month's reports when a date range or a later page starts in the past.
 */
export const monthTag = (iso: string): string => monthNumber(iso).toString(16);

/** Months since year 0 of a stored instant (`YYYY-MM-…Z`), read from the text as PostgreSQL's index does. */
const monthNumber = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** Every month tag from the month of `first` to the month of `last`, newest first. */
export function monthTags(first: string, last: string): string[] {
  const tags: string[] = [];
  for (let month = monthNumber(last); month >= monthNumber(first); month--) tags.push(month.toString(16));
  return tags;
}

/** A report's indexed tokens: each distinct bigram of its text, tagged with contract and month. */
export function taggedBigrams(contractId: string, receivedAt: string, text: string): string[] {
  const tag = `${contractTag(contractId)}${monthTag(receivedAt)}`;
  return searchBigrams(text).map((gram) => `${tag}${gram}`);
}

/** The FTS5 document of a report: its tagged bigrams, space-separated for the ascii tokenizer. */
export const ftsDocument = (contractId: string, receivedAt: string, text: string): string => taggedBigrams(contractId, receivedAt, text).join(" ");

/** What indexing a report reads: its id, contract, time and searchable fields. */
export interface IndexedReport extends SearchableReport {
  id: string;
  contractId: string;
  receivedAt: string;
}

/**
 * Stores the folded text of reports just inserted and indexes it. Call it inside the
 * transaction that inserted them: a report is never saved without being findable. On SQLite
 * a save only lists its report and text in `report_search_pending` (searched by substring), one
 * small statement; every SEARCH_PENDING_LIMIT reports go into `report_search` and FTS5 together.
 */
export async function indexReports(db: Executor, reports: readonly IndexedReport[]): Promise<void> {
  if (reports.length === 0) return;
  const sdb = withSearch(db);
  if (dialectOf(db) === "postgres") {
    await sdb
      .insertInto("report_search")
      .values(
        reports.map((r) => {
          const text = searchText(r);
          return {
            reportId: r.id,
            contractId: r.contractId,
            receivedAt: r.receivedAt,
            searchText: text,
            grams: sql<string[]>`${taggedBigrams(r.contractId, r.receivedAt, text)}::text[]`,
          };
        }),
      )
      .execute();
    return;
  }
  // The list's rowid is one more than its largest (1 when empty), and the list only empties
  // whole: a place of 64 means 64 reports wait (or fewer, if reports were deleted meanwhile).
  const listed = await sdb
    .insertInto("report_search_pending")
    .values(reports.map((r) => ({ reportId: r.id, searchText: searchText(r) })))
    .returning("seq")
    .execute();
  if (Math.max(...listed.map((row) => row.seq)) >= SEARCH_PENDING_LIMIT) await flushPendingSearch(db);
}

/** A report's folded text on its way into the SQLite index. */
interface SearchDocument {
  reportId: string;
  contractId: string;
  receivedAt: string;
  text: string;
}

/**
 * SQLite: reports' rows in `report_search`, each at the next free key of its millisecond, and
 * their tagged bigrams in FTS5, in a few statements whatever their number (a flush or a
 * migration's batch, not a save, pays for these). SQLite has one writer at a time, so no other
 * transaction can take a key between the read of the free keys and the insert.
 */
async function storeDocuments(db: Executor, documents: readonly SearchDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const firsts = [...new Set(documents.map((d) => keyOf(d.receivedAt)))];
  const taken = await sql<{ first: number; top: number | null }>`
    select value as first, (select max(key) from report_search where key between value and value + ${KEY_SLOTS - 1}) as top
    from json_each(${JSON.stringify(firsts)})`.execute(db);
  const nextFree = new Map(taken.rows.map((row) => [row.first, row.top === null ? row.first : row.top + 1]));
  const keyed = documents.map((d) => {
    const first = keyOf(d.receivedAt);
    const key = nextFree.get(first) ?? first;
    if (key >= first + KEY_SLOTS) throw new Error(`more than ${KEY_SLOTS} reports received in the same millisecond (${d.receivedAt})`);
    nextFree.set(first, key + 1);
    return { ...d, key };
  });
  await sql`insert into report_search (key, report_id, search_text)
    select value ->> 0, value ->> 1, value ->> 2 from json_each(${JSON.stringify(keyed.map((d) => [d.key, d.reportId, d.text]))})`.execute(db);
  await insertFts(db, keyed);
}

/** SQLite: reports' tagged bigrams into FTS5, by key, in one statement. */
export async function insertFts(db: Executor, documents: ReadonlyArray<{ key: number; contractId: string; receivedAt: string; text: string }>): Promise<void> {
  if (documents.length === 0) return;
  const rows = documents.map((d) => [d.key, ftsDocument(d.contractId, d.receivedAt, d.text)]);
  await sql`insert into report_search_fts (rowid, grams) select value ->> 0, value ->> 1 from json_each(${JSON.stringify(rows)})`.execute(db);
}

/**
 * SQLite: the most reports waiting in `report_search_pending`. FTS5 writes a segment at every
 * commit (0.2 ms, a third of a save), and a row in `report_search` costs a save a statement and
 * two more pages to write; in groups of this size that is paid once, and a search reads at most
 * this many pending reports by substring.
 */
export const SEARCH_PENDING_LIMIT = 64;

/** SQLite: moves every pending report into `report_search` and FTS5 (one segment for all of them). PostgreSQL has none. */
export async function flushPendingSearch(db: Executor): Promise<number> {
  if (dialectOf(db) === "postgres") return 0;
  const pending = await sql<SearchDocument>`
    select p.report_id, p.search_text as text, r.contract_id, r.received_at
    from report_search_pending p join reports r on r.id = p.report_id order by p.seq`.execute(db);
  await storeDocuments(db, pending.rows);
  await withSearch(db).deleteFrom("report_search_pending").execute();
  return pending.rows.length;
}

/**
 * SQLite: pages one FTS5 merge step writes. On the bench machine a step took 20–80 ms, so a save
 * arriving during compaction waits no longer than that.
 */
export const SEARCH_MERGE_PAGES = 500;

/**
 * SQLite: merges FTS5's index segments, one bounded step at a time, until no level holds two
 * (the table's `usermerge` is 2, see migration 2026-12-02T1000). Every flush of the pending list
 * adds a segment, and a search reads each token in every segment: over a million reports the
 * seed left 33 segments and the search mix's p95 was 9.5 ms; merged into 2, 3.3–4.7 ms (issue 11,
 * docs/architecture.md). FTS5's own automerge on the write path would put the merging into saves.
 * The hourly maintenance calls this; it yields to other work between steps. PostgreSQL's GIN
 * index has no segments (and `fastupdate` is off), so there is nothing to do there.
 * `done` is false when `maxSteps` ran out first: there may be more to merge.
 */
export async function compactSearchIndex(db: Executor, { maxSteps = Number.POSITIVE_INFINITY, pages = SEARCH_MERGE_PAGES } = {}): Promise<{ steps: number; done: boolean }> {
  if (dialectOf(db) === "postgres") return { steps: 0, done: true };
  const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]?.n ?? 0);
  for (let steps = 0; steps < maxSteps; steps++) {
    const before = await changes();
    await sql`insert into report_search_fts (report_search_fts, rank) values ('merge', ${pages})`.execute(db);
    // FTS5's documented test: a step that merged something changes at least two rows.
    if ((await changes()) - before < 2) return { steps, done: true };
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { steps: maxSteps, done: false };
}

/**
 * Folds and indexes every report again (a migration's job when the folding changes, so old and
 * new reports are folded alike), straight into FTS5 on SQLite: nothing is left pending.
 */
export async function reindexAllReports(db: Executor, batch = 2000): Promise<number> {
  await withSearch(db).deleteFrom("report_search").execute();
  if (dialectOf(db) === "sqlite") {
    await withSearch(db).deleteFrom("report_search_pending").execute();
    await sql`insert into report_search_fts (report_search_fts) values ('delete-all')`.execute(db);
  }
  return indexAllReports(db, batch);
}

/** Indexes every report into an empty index (the migration that made it). */
export async function indexAllReports(db: Executor, batch = 2000): Promise<number> {
  const sqlite = dialectOf(db) === "sqlite";
  let after = "";
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom("reports")
      .select(["id", "contractId", "receivedAt", "callerCompany", "callerName", "requestedPerson", "message", "callbackNumber"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(batch)
      .execute();
    if (sqlite) {
      await storeDocuments(db, rows.map((r) => ({ reportId: r.id, contractId: r.contractId, receivedAt: r.receivedAt, text: searchText(r) })));
    } else {
      await indexReports(db, rows);
    }
    count += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return count;
    after = last.id;
  }
}

/** How a query was searched: the API hands this to the client with the page. */
export interface ReportSearch {
  /** The words as compared: folded (width, kana, case; numbers as their digits). */
  terms: string[];
  /**
   * "index": every matching report is found through the engine's index. "scan": every word is
   * one character, which no bigram holds, so each page looks at no more than `scanLimit` reports
   * (newest first, from the cursor) and `nextCursor` goes on from where that look stopped; a
   * page may then hold fewer reports than asked, even none, with more to come.
   */
  method: "index" | "scan";
  scanLimit: number | null;
}

/** Reports one page of a one-character search looks at (issue 11: "a bounded scan"). */
export const SCAN_LIMIT = 5000;

export interface SearchPlan extends ReportSearch {
  /** Terms of two characters or more: these go through the index. */
  indexed: string[];
}

/** The plan for a query, or undefined when it holds no searchable word. */
export function planSearch(q: string | undefined, scanLimit = SCAN_LIMIT): SearchPlan | undefined {
  const terms = searchTerms(q ?? "");
  if (terms.length === 0) return undefined;
  const indexed = terms.filter(isIndexableTerm);
  return indexed.length > 0 ? { terms, indexed, method: "index", scanLimit: null } : { terms, indexed, method: "scan", scanLimit };
}

/**
 * The bigrams a term's candidates must hold: every other one and the last, which covers every
 * character. Fewer postings to walk than all of them; the substring check does the rest.
 */
export function coveringBigrams(indexed: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const term of indexed) {
    const chars = Array.from(term);
    for (let i = 0; i + 1 < chars.length; i += 2) grams.add(`${chars[i]}${chars[i + 1]}`);
    if (chars.length % 2 === 1 && chars.length > 1) grams.add(`${chars.at(-2)}${chars.at(-1)}`);
  }
  return [...grams];
}

/** FTS5 query over the months `months`: in any of them (OR), a report holding every covering bigram (AND). */
export function ftsQuery(contractId: string, indexed: readonly string[], months: readonly string[]): string {
  const tag = contractTag(contractId);
  const grams = coveringBigrams(indexed);
  // Tokens hold no '"' (folding removed all punctuation), so quoting is enough.
  return months.map((month) => `(${grams.map((gram) => `"${tag}${month}${gram}"`).join(" AND ")})`).join(" OR ");
}

/**
 * PostgreSQL: a report of one of `months` holding every covering bigram. Said as one overlap
 * (`&&`) per bigram with that bigram's tag in each month, not as an OR of months: a report's
 * tokens all carry its own month, so both say the same, and this is one index condition per
 * bigram, which GIN answers as one bitmap however many months are asked.
 */
export function pgGramsMatch(contractId: string, indexed: readonly string[], months: readonly string[]): RawBuilder<SqlBool> {
  const tag = contractTag(contractId);
  const perGram = coveringBigrams(indexed).map((gram) => sql`s.grams && ${months.map((month) => `${tag}${month}${gram}`)}::text[]`);
  return sql<SqlBool>`(${sql.join(perGram, sql` and `)})`;
}

/** What narrows a PostgreSQL search inside its subquery (see `pgFoundInMonths`). */
export interface PgSearchBounds {
  /** Received at or after / before (stored instants). */
  from?: string | undefined;
  to?: string | undefined;
  /** After this report in the list's order (newest first, then id). */
  cursor?: { receivedAt: string; id: string } | undefined;
  /**
   * The page's size, when nothing outside the subquery can drop a report it finds (no outcome,
   * person or callback filter): it then orders its reports and keeps only the newest `limit`.
   */
  limit?: number | undefined;
}

/**
 * PostgreSQL: `reports.id` is one of the reports of `months` that hold every term, as found
 * through the GIN index alone. `= any(array(subquery))` makes the subquery an InitPlan, planned
 * and run on its own before the outer statement, whose report ids are then looked up by primary
 * key: the planner cannot choose to walk the contract's reports in time order and test each one,
 * which it did for a rare word over many months (17 s for 鬼塚 without a date range). The
 * subquery reads the contract, the dates and the cursor from `report_search` itself, and with a
 * `limit` looks up only the page's reports instead of every candidate of the months (migration
 * 2026-12-02T1100).
 */
export function pgFoundInMonths(db: Executor, contractId: string, plan: SearchPlan, months: readonly string[], bounds: PgSearchBounds = {}): RawBuilder<SqlBool> {
  const { from, to, cursor, limit } = bounds;
  const found = withSearch(db)
    .selectFrom("report_search as s")
    .select("s.reportId")
    .where(pgGramsMatch(contractId, plan.indexed, months))
    .where("s.contractId", "=", contractId)
    .where((eb) => eb.and(plan.terms.map((term) => holds("postgres", eb.ref("s.searchText"), term))))
    .$if(from !== undefined, (q) => q.where("s.receivedAt", ">=", from as string))
    .$if(to !== undefined, (q) => q.where("s.receivedAt", "<", to as string))
    .$if(cursor !== undefined, (q) => q.where(sql<boolean>`(s.received_at, s.report_id) < (${cursor?.receivedAt}, ${cursor?.id})`))
    .$if(limit !== undefined, (q) => q.orderBy("s.receivedAt", "desc").orderBy("s.reportId", "desc").limit(limit as number));
  return sql<SqlBool>`${sql.ref("reports.id")} = any(array(${found}))`;
}

/** `column` holds `term` as a substring: the exact test behind every index. */
export function holds(dialect: DialectName, column: Expression<string>, term: string): RawBuilder<SqlBool> {
  return dialect === "postgres" ? sql<SqlBool>`strpos(${column}, ${term}) > 0` : sql<SqlBool>`instr(${column}, ${term}) > 0`;
}
