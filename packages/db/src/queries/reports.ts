import { sql } from "kysely";
import type { Selectable, SelectQueryBuilder } from "kysely";
import type { CallbackStatus, CallOutcome } from "@uketsuke/domain";
import { dialectOf, inTransaction, isoNow, newId, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { NewReport, Report, ReportSummary, ReportTable } from "../schema.ts";
import { ftsQuery, holds, indexReports, KEY_SLOTS, keyOf, monthTag, monthTags, pgFoundInMonths, planSearch, withSearch } from "./report-search.ts";
import type { ReportSearch, SearchPlan } from "./report-search.ts";

export type { ReportSearch } from "./report-search.ts";
export { compactSearchIndex } from "./report-search.ts";

export type NewReportInput = Omit<NewReport, "id" | "createdAt" | "callbackRequested"> & {
  id?: string;
  callbackRequested: boolean;
};

export interface ReportFilter {
  /**
   * Words (space-separated, all must be found) in caller company, caller name, person asked
   * for, message or callback number, compared after the domain's folding (`searchTerms`).
   */
  q?: string;
  outcome?: CallOutcome;
  /** receivedAt >= from (ISO). */
  from?: string;
  /** receivedAt < to (ISO). */
  to?: string;
  /** Routed to this roster member. */
  person?: string;
  /** Its callback is in this state (so a callback was requested). */
  callback?: CallbackStatus;
  /** true: the caller asked for a callback (R5's urgent line); false: did not. */
  urgent?: boolean;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** A report in a list: no mail body, and where its callback stands (null: none was asked for). */
export type ReportListItem = ReportSummary & { callbackStatus: CallbackStatus | null };

export interface ReportPage {
  reports: ReportListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How `q` was searched (index, or a bounded scan for one-character words); null without words. */
  search: ReportSearch | null;
}

export type OutcomeCounts = Record<CallOutcome, number> & { total: number };

/** Every column but the mail's body: what a list of reports carries. */
const summary = [
  "id",
  "contractId",
  "callId",
  "operatorId",
  "receivedAt",
  "callerCompany",
  "callerName",
  "callbackNumber",
  "requestedPerson",
  "routedMemberId",
  "routedName",
  "routedAddress",
  "routingReason",
  "message",
  "callbackRequested",
  "outcome",
  "wrongNumberEntryId",
  "subject",
  "messageId",
  "createdAt",
] as const;

/** The stored 0/1 flag as the boolean it means. */
const decode = <T extends { callbackRequested: number }>(row: T): Omit<T, "callbackRequested"> & { callbackRequested: boolean } => ({
  ...row,
  callbackRequested: row.callbackRequested === 1,
});

const newRow = (report: NewReportInput): NewReport => ({
  createdAt: isoNow(),
  ...report,
  id: report.id ?? newId(),
  callbackRequested: report.callbackRequested ? 1 : 0,
});

/** Stores a report and indexes it for search, in one transaction (the caller's, if it is one). */
export function insertReport(db: Executor, report: NewReportInput): Promise<Report> {
  return inTransaction(db, async (trx) => {
    // The mail bodies (most of a report's bytes) are not read back: they are what was given.
    const row = await trx.insertInto("reports").values(newRow(report)).returning(summary).executeTakeFirstOrThrow();
    await indexReports(trx, [row]);
    return decode({ ...row, bodyText: report.bodyText, bodyHtml: report.bodyHtml });
  });
}

/** Many reports at once (imports, volume seeds): multi-row inserts, indexed, in one transaction. */
export function insertReports(db: Executor, reports: readonly NewReportInput[]): Promise<void> {
  // SQLite binds at most 32,766 parameters a statement; a report has 22 columns.
  const chunk = 1000;
  return inTransaction(db, async (trx) => {
    for (let i = 0; i < reports.length; i += chunk) {
      const rows = reports.slice(i, i + chunk).map(newRow);
      await trx.insertInto("reports").values(rows).execute();
      await indexReports(trx, rows as Array<NewReport & { id: string }>);
    }
  });
}

/** Undefined for another contract's report: tenancy is part of the query. */
export async function getReport(db: Executor, contractId: string, reportId: string): Promise<Report | undefined> {
  const row: Selectable<ReportTable> | undefined = await db
    .selectFrom("reports")
    .selectAll()
    .where("contractId", "=", contractId)
    .where("id", "=", reportId)
    .executeTakeFirst();
  return row && decode(row);
}

/** Staff-side look-up from a call (the console reopens the report of the call it took). */
export async function getReportByCallId(db: Executor, callId: string): Promise<Report | undefined> {
  const row = await db.selectFrom("reports").selectAll().where("callId", "=", callId).executeTakeFirst();
  return row && decode(row);
}

/** Instants as stored (UTC, `toISOString`), so text comparison is time comparison whatever offset was given. */
const stored = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : undefined);

/**
 * Where reports are read from: all of them, or (SQLite) only those not yet indexed, read
 * through the pending list (a few dozen rows, `report_search_pending`) as a materialized CTE
 * named like the table: asked as a condition, SQLite walked the contract's reports instead (2 s
 * on the big contract).
 */
type Source = "reports" | "pending";

function reportsOf(db: Executor, source: Source) {
  const all = () => withSearch(db).selectFrom("reports");
  if (source === "reports") return all();
  return withSearch(db)
    .with(
      (cte) => cte("pendingReports").materialized(),
      (q) => q.selectFrom("report_search_pending as p").crossJoin("reports").whereRef("reports.id", "=", "p.reportId").selectAll("reports"),
    )
    .selectFrom("pendingReports as reports") as unknown as ReturnType<typeof all>;
}

/** A contract's reports with their callback, narrowed by everything in the filter but paging and words. */
function matching(db: Executor, contractId: string, filter: ReportFilter, source: Source = "reports") {
  let query = reportsOf(db, source)
    .leftJoin("callbacks", "callbacks.reportId", "reports.id")
    .where("reports.contractId", "=", contractId);
  const from = stored(filter.from);
  const to = stored(filter.to);
  if (filter.outcome) query = query.where("reports.outcome", "=", filter.outcome);
  if (from) query = query.where("reports.receivedAt", ">=", from);
  if (to) query = query.where("reports.receivedAt", "<", to);
  if (filter.person) query = query.where("reports.routedMemberId", "=", filter.person);
  if (filter.callback) query = query.where("callbacks.status", "=", filter.callback);
  if (filter.urgent !== undefined) query = query.where("reports.callbackRequested", "=", filter.urgent ? 1 : 0);
  return query;
}

type Cursor = { receivedAt: string; id: string };

/** The matching reports after the cursor, in the list's order (newest first, then id). */
function after(db: Executor, contractId: string, filter: ReportFilter, cursor: Cursor | undefined, source: Source = "reports") {
  const query = matching(db, contractId, filter, source);
  if (!cursor) return query;
  // A row comparison, which both engines read as one range of the (contract, time) index; the
  // same said with OR is no range to PostgreSQL, which then walked from the newest report for
  // every page (a CSV export of 300,000 reports: 373 s).
  return query.where(sql<boolean>`(${sql.ref("reports.receivedAt")}, ${sql.ref("reports.id")}) < (${cursor.receivedAt}, ${cursor.id})`);
}

/** …with what a list shows of each report. */
function listed(db: Executor, contractId: string, filter: ReportFilter, cursor: Cursor | undefined, source: Source = "reports") {
  return after(db, contractId, filter, cursor, source)
    .select(summary.map((column) => `reports.${column}` as const))
    .select("callbacks.status as callbackStatus");
}

/**
 * Where a report's folded text is: `report_search`, or the pending list for a report not yet in
 * it. Both name the columns alike (`report_id`, `search_text`), so the list is typed as the table.
 */
const textOf = (source: Source) => (source === "pending" ? ("report_search_pending as s" as "report_search as s") : "report_search as s");

/** …whose folded text holds every word: the exact test, whichever index found the candidates. */
function holdingAll(db: Executor, contractId: string, filter: ReportFilter, cursor: Cursor | undefined, plan: SearchPlan, source: Source = "reports") {
  const dialect = dialectOf(db);
  return listed(db, contractId, filter, cursor, source)
    .innerJoin(textOf(source), "s.reportId", "reports.id")
    .where((eb) => eb.and(plan.terms.map((term) => holds(dialect, eb.ref("s.searchText"), term))));
}

type Row = Awaited<ReturnType<ReturnType<typeof listed>["execute"]>>[number];
const newestFirst = (a: Row, b: Row) => (a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.receivedAt < b.receivedAt ? 1 : -1);

/** Every month tag from the contract's first report to its last, newest first. */
async function contractMonths(db: Executor, contractId: string): Promise<string[]> {
  const span = await contractSpan(db, contractId);
  return span ? monthTags(span.first, span.last) : [];
}

/** A contract's first and last received instant; undefined without reports. */
async function contractSpan(db: Executor, contractId: string): Promise<{ first: string; last: string } | undefined> {
  const span = await sql<{ first: string | null; last: string | null }>`select
    (select min(received_at) from reports where contract_id = ${contractId}) as first,
    (select max(received_at) from reports where contract_id = ${contractId}) as last`.execute(db);
  const row = span.rows[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}

/** The instant a key stands for. */
const instantOf = (key: number): string => new Date(Math.floor(key / KEY_SLOTS)).toISOString();

/**
 * Through the index, month by month: tokens are tagged by contract and month, so each statement
 * reads only the postings of the months it asks for. Newest month first, then a growing group of
 * the months before it: a frequent word fills the page from the first month; a rare one reaches
 * back through all of them in a few statements.
 */
async function searched(db: Executor, contractId: string, filter: ReportFilter, plan: SearchPlan, cursor: Cursor | undefined, limit: number): Promise<Row[]> {
  const span = await contractSpan(db, contractId);
  if (!span) return [];
  const from = stored(filter.from);
  const to = stored(filter.to);
  // Keys worth reading: the filter's dates, the cursor, the contract's own first and last report.
  const first = Math.max(keyOf(span.first), from ? keyOf(from) : 0);
  const last = Math.min(keyOf(span.last) + KEY_SLOTS - 1, to ? keyOf(to) - 1 : Infinity, cursor ? keyOf(cursor.receivedAt) + KEY_SLOTS - 1 : Infinity);
  const months = monthTags(instantOf(first), instantOf(last));
  return dialectOf(db) === "sqlite" ? searchedSqlite(db, contractId, filter, plan, cursor, limit, { first, last, months }) : searchedPostgres(db, contractId, filter, plan, cursor, limit, months);
}

/**
 * PostgreSQL: per group of months (1, then 4, 16, …: a statement costs more than a month's
 * postings), the page read from the reports the GIN index finds there (`pgFoundInMonths`).
 */
async function searchedPostgres(db: Executor, contractId: string, filter: ReportFilter, plan: SearchPlan, cursor: Cursor | undefined, limit: number, months: string[]): Promise<Row[]> {
  // Only these filters are in report_search; with any other, the subquery cannot know which of
  // its reports the page keeps, so it hands over all of them.
  const onlyTimes = !filter.outcome && !filter.person && !filter.callback && filter.urgent === undefined;
  const bounds = { from: stored(filter.from), to: stored(filter.to), cursor };
  const rows: Row[] = [];
  for (let start = 0, size = 1; start < months.length && rows.length <= limit; start += size, size *= 4) {
    const wanted = limit + 1 - rows.length;
    const page = await listed(db, contractId, filter, cursor)
      .where(pgFoundInMonths(db, contractId, plan, months.slice(start, start + size), { ...bounds, limit: onlyTimes ? wanted : undefined }))
      .orderBy("reports.receivedAt", "desc")
      .orderBy("reports.id", "desc")
      .limit(wanted)
      .execute();
    rows.push(...page);
  }
  return rows;
}

/**
 * SQLite: FTS5 walks a token's postings newest first (rowid = key) and stops at the page's
 * limit, so one statement per group of months (1, 2, 4, …) joins the index to the reports.
 */
async function searchedSqlite(
  db: Executor,
  contractId: string,
  filter: ReportFilter,
  plan: SearchPlan,
  cursor: Cursor | undefined,
  limit: number,
  { first, last, months }: { first: number; last: number; months: string[] },
): Promise<Row[]> {
  const inMonths = (group: readonly string[], lo = first, hi = last) => {
    // The dates and the cursor are key bounds. Said again on received_at they would tempt the
    // planner to walk the (contract, time) index and ask FTS5 row by row (measured: 200 ms for
    // a month); the cursor's own millisecond is checked with unary + (no index).
    const at = sql.ref("reports.receivedAt");
    return holdingAll(db, contractId, { ...filter, from: undefined, to: undefined }, undefined, plan)
      .$if(cursor !== undefined, (q) =>
        q.where(sql<boolean>`(+${at} < ${cursor?.receivedAt} or (+${at} = ${cursor?.receivedAt} and +${sql.ref("reports.id")} < ${cursor?.id}))`),
      )
      .innerJoin("report_search_fts", "report_search_fts.rowid", "s.key")
      .where(sql<boolean>`report_search_fts match ${ftsQuery(contractId, plan.indexed, group)}`)
      .where("report_search_fts.rowid", ">=", lo)
      .where("report_search_fts.rowid", "<=", hi);
  };
  const rows: Row[] = [];
  for (let start = 0, size = 1; start < months.length && rows.length <= limit; start += size, size *= 2) {
    const group = months.slice(start, start + size);
    rows.push(...(await inMonths(group).orderBy(sql`report_search_fts.rowid desc`).limit(limit + 1 - rows.length).execute()));
  }
  const edge = rows.at(-1);
  if (rows.length > limit && edge) {
    // Keys order reports by millisecond, the list by millisecond then id: read the millisecond
    // at the page's edge whole.
    const edgeKey = keyOf(edge.receivedAt);
    const sameMs = await inMonths([monthTag(edge.receivedAt)], Math.max(first, edgeKey), Math.min(last, edgeKey + KEY_SLOTS - 1)).execute();
    rows.splice(0, rows.length, ...rows.filter((row) => row.receivedAt > edge.receivedAt), ...sameMs);
  }
  // The reports not yet in FTS5 (fewer than SEARCH_PENDING_LIMIT) are read by substring.
  const pending = holdingAll(db, contractId, filter, cursor, plan, "pending");
  rows.push(...(await pending.orderBy("reports.receivedAt", "desc").orderBy("reports.id", "desc").limit(limit + 1).execute()));
  return rows.sort(newestFirst).slice(0, limit + 1);
}

/**
 * A contract's reports, newest first, paged by a keyset cursor so a page boundary does not
 * shift while new reports arrive. Words in `q` are searched through the engine's index; when
 * every word is one character, a bounded scan (see `ReportSearch`).
 */
export async function listReports(
  db: Executor,
  contractId: string,
  filter: ReportFilter = {},
  options: { /** Reports a one-character search looks at per page (tests make it small). */ scanLimit?: number } = {},
): Promise<ReportPage> {
  const limit = filter.limit ?? 50;
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const plan = planSearch(filter.q, options.scanLimit);
  let rows: Row[];
  let scanEnd: Cursor | null = null;
  if (!plan) {
    rows = await listed(db, contractId, filter, cursor).orderBy("reports.receivedAt", "desc").orderBy("reports.id", "desc").limit(limit + 1).execute();
  } else if (plan.method === "scan") {
    // Look at the next SCAN_LIMIT reports of the filter only; if the page is not full by then,
    // the next page starts after the last report looked at.
    const scanLimit = plan.scanLimit ?? 0;
    const window = () => after(db, contractId, filter, cursor).orderBy("reports.receivedAt", "desc").orderBy("reports.id", "desc");
    const scanned = (source: Source) =>
      holdingAll(db, contractId, filter, cursor, plan, source)
        .where("reports.id", "in", window().select("reports.id").limit(scanLimit))
        .orderBy("reports.receivedAt", "desc")
        .orderBy("reports.id", "desc")
        .limit(limit + 1)
        .execute();
    rows = await scanned("reports");
    // SQLite: the reports still pending have their text in the pending list.
    if (dialectOf(db) === "sqlite") rows = [...rows, ...(await scanned("pending"))].sort(newestFirst).slice(0, limit + 1);
    if (rows.length <= limit) {
      scanEnd = (await window().select(["reports.id", "reports.receivedAt"]).offset(scanLimit - 1).limit(1).executeTakeFirst()) ?? null;
    }
  } else {
    rows = await searched(db, contractId, filter, plan, cursor, limit);
  }
  const reports = rows.slice(0, limit).map(decode);
  const last = reports.at(-1);
  const next = rows.length > limit && last ? last : scanEnd;
  return {
    reports,
    nextCursor: next ? `${next.receivedAt}|${next.id}` : null,
    search: plan ? { terms: plan.terms, method: plan.method, scanLimit: plan.scanLimit } : null,
  };
}

/** How many of a contract's reports the filter matches (paging aside). One-character words scan the contract. */
export async function countMatchingReports(db: Executor, contractId: string, filter: ReportFilter = {}): Promise<number> {
  const plan = planSearch(filter.q);
  const dialect = dialectOf(db);
  if (!plan) return counted(matching(db, contractId, filter));
  if (plan.method === "index" && dialect === "postgres") return counted(matching(db, contractId, filter).where(pgFoundInMonths(db, contractId, plan, await contractMonths(db, contractId), { from: stored(filter.from), to: stored(filter.to) })));
  const held = (source: Source = "reports") =>
    matching(db, contractId, filter, source)
      .innerJoin(textOf(source), "s.reportId", "reports.id")
      .where((eb) => eb.and(plan.terms.map((term) => holds(dialect, eb.ref("s.searchText"), term))));
  if (plan.method === "scan") return dialect === "postgres" ? counted(held()) : (await counted(held())) + (await counted(held("pending")));
  // SQLite: what FTS5 finds, and the reports still pending for it.
  const fts = held().innerJoin("report_search_fts", "report_search_fts.rowid", "s.key").where(sql<boolean>`report_search_fts match ${ftsQuery(contractId, plan.indexed, await contractMonths(db, contractId))}`);
  return (await counted(fts)) + (await counted(held("pending")));
}

/** The number of rows a query finds. */
async function counted<DB, TB extends keyof DB>(query: SelectQueryBuilder<DB, TB, object>): Promise<number> {
  // Kysely cannot resolve the selection over a generic table set; the alias is ours.
  const row = (await query.select(sql<number | string>`count(*)`.as("count")).executeTakeFirstOrThrow()) as { count: number | string };
  return toCount(row.count);
}

/**
 * Every report the filter matches, newest first, as an async iterable with constant memory
 * (the dashboard's CSV export). It reads page by page on the keyset cursor rather than holding a
 * database cursor open: on SQLite the process has one connection, which a long read would hold
 * against every other request.
 */
export async function* streamReports(db: Executor, contractId: string, filter: Omit<ReportFilter, "limit" | "cursor"> = {}, pageSize = 1000): AsyncGenerator<ReportListItem> {
  let cursor: string | undefined;
  do {
    const page = await listReports(db, contractId, { ...filter, limit: pageSize, cursor });
    yield* page.reports;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function decodeCursor(cursor: string): { receivedAt: string; id: string } | undefined {
  const at = cursor.indexOf("|");
  return at < 0 ? undefined : { receivedAt: cursor.slice(0, at), id: cursor.slice(at + 1) };
}

/** A contract's report counts per outcome in [from, to). */
export async function countReports(
  db: Executor,
  contractId: string,
  range: { from?: string; to?: string } = {},
): Promise<OutcomeCounts> {
  const rows = await countQuery(db, range).where("contractId", "=", contractId).execute();
  const counts: OutcomeCounts = { message: 0, wrong_number: 0, test_call: 0, other_company: 0, total: 0 };
  for (const r of rows) {
    counts[r.outcome] += toCount(r.count);
    counts.total += toCount(r.count);
  }
  return counts;
}

/** Staff statistics: report counts per contract and outcome in [from, to). */
export async function countReportsByContract(
  db: Executor,
  range: { from?: string; to?: string } = {},
): Promise<{ contractId: string; outcome: CallOutcome; count: number }[]> {
  const rows = await countQuery(db, range).orderBy("contractId").orderBy("outcome").execute();
  return rows.map((r) => ({ ...r, count: toCount(r.count) }));
}

function countQuery(db: Executor, range: { from?: string; to?: string }) {
  let query = db
    .selectFrom("reports")
    .select((eb) => ["contractId", "outcome", eb.fn.countAll().as("count")])
    .groupBy(["contractId", "outcome"]);
  if (range.from) query = query.where("receivedAt", ">=", range.from);
  if (range.to) query = query.where("receivedAt", "<", range.to);
  return query;
}

/** The mailbox of the operator who took a report's call: reminders come from them too (R2). */
export async function getReportOperatorMailbox(db: Executor, reportId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("reports")
    .innerJoin("users", "users.id", "reports.operatorId")
    .select("users.mailbox")
    .where("reports.id", "=", reportId)
    .executeTakeFirst();
  return row?.mailbox ?? undefined;
}
