import { containsText, isoNow, newId, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { CallbackStatus, CallOutcome } from "@uketsuke/domain";
import type { Selectable } from "kysely";
import type { NewReport, Report, ReportSummary, ReportTable } from "../schema.ts";

export type NewReportInput = Omit<NewReport, "id" | "createdAt" | "callbackRequested"> & {
  id?: string;
  callbackRequested: boolean;
};

export interface ReportFilter {
  /** Substring of caller company, caller name, person asked for, message or callback number. */
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
}

export type OutcomeCounts = Record<CallOutcome, number> & { total: number };

const searchable = ["callerCompany", "callerName", "requestedPerson", "message", "callbackNumber"] as const;

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

export async function insertReport(db: Executor, report: NewReportInput): Promise<Report> {
  const row = await db
    .insertInto("reports")
    .values({
      createdAt: isoNow(),
      ...report,
      id: report.id ?? newId(),
      callbackRequested: report.callbackRequested ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return decode(row);
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

/** A contract's reports with their callback, narrowed by everything in the filter but paging. */
function matching(db: Executor, contractId: string, filter: ReportFilter) {
  let query = db
    .selectFrom("reports")
    .leftJoin("callbacks", "callbacks.reportId", "reports.id")
    .where("reports.contractId", "=", contractId);
  const q = filter.q?.trim();
  if (q) query = query.where((eb) => eb.or(searchable.map((column) => containsText(`reports.${column}`, q))));
  if (filter.outcome) query = query.where("reports.outcome", "=", filter.outcome);
  if (filter.from) query = query.where("reports.receivedAt", ">=", filter.from);
  if (filter.to) query = query.where("reports.receivedAt", "<", filter.to);
  if (filter.person) query = query.where("reports.routedMemberId", "=", filter.person);
  if (filter.callback) query = query.where("callbacks.status", "=", filter.callback);
  if (filter.urgent !== undefined) query = query.where("reports.callbackRequested", "=", filter.urgent ? 1 : 0);
  return query;
}

/**
 * A contract's reports, newest first, paged by a keyset cursor so a page boundary does not
 * shift while new reports arrive.
 */
export async function listReports(db: Executor, contractId: string, filter: ReportFilter = {}): Promise<ReportPage> {
  const limit = filter.limit ?? 50;
  let query = matching(db, contractId, filter)
    .select(summary.map((column) => `reports.${column}` as const))
    .select("callbacks.status as callbackStatus");
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb("reports.receivedAt", "<", cursor.receivedAt),
        eb.and([eb("reports.receivedAt", "=", cursor.receivedAt), eb("reports.id", "<", cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("reports.receivedAt", "desc")
    .orderBy("reports.id", "desc")
    .limit(limit + 1)
    .execute();
  const reports = rows.slice(0, limit).map(decode);
  const last = reports.at(-1);
  return {
    reports,
    nextCursor: rows.length > limit && last ? `${last.receivedAt}|${last.id}` : null,
  };
}

/** How many of a contract's reports the filter matches (paging aside). */
export async function countMatchingReports(db: Executor, contractId: string, filter: ReportFilter = {}): Promise<number> {
  const row = await matching(db, contractId, filter)
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  return toCount(row.count);
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
