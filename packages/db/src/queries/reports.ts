import { containsText, isoNow, newId, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { NewReport, Report, ReportOutcome } from "../schema.ts";

export type NewReportInput = Omit<NewReport, "id" | "created_at" | "callback_requested"> & {
  id?: string;
  callback_requested: boolean;
};

export interface ReportFilter {
  /** Substring of caller company, caller name, person asked for, message or callback number. */
  q?: string;
  outcome?: ReportOutcome;
  /** received_at >= from (ISO). */
  from?: string;
  /** received_at < to (ISO). */
  to?: string;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ReportPage {
  reports: Report[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type OutcomeCounts = Record<ReportOutcome, number> & { total: number };

const searchable = ["caller_company", "caller_name", "requested_person", "message", "callback_number"] as const;

export function insertReport(db: Executor, report: NewReportInput): Promise<Report> {
  return db
    .insertInto("reports")
    .values({
      created_at: isoNow(),
      ...report,
      id: report.id ?? newId(),
      callback_requested: report.callback_requested ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Undefined for another contract's report: tenancy is part of the query. */
export function getReport(db: Executor, contractId: string, reportId: string): Promise<Report | undefined> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("id", "=", reportId)
    .executeTakeFirst();
}

/** Staff-side look-up from a call (the console reopens the report of the call it took). */
export function getReportByCallId(db: Executor, callId: string): Promise<Report | undefined> {
  return db.selectFrom("reports").selectAll().where("call_id", "=", callId).executeTakeFirst();
}

/**
 * A contract's reports, newest first, paged by a keyset cursor so a page boundary does not
 * shift while new reports arrive.
 */
export async function listReports(db: Executor, contractId: string, filter: ReportFilter = {}): Promise<ReportPage> {
  const limit = filter.limit ?? 50;
  let query = db.selectFrom("reports").selectAll().where("contract_id", "=", contractId);
  const q = filter.q?.trim();
  if (q) query = query.where((eb) => eb.or(searchable.map((column) => containsText(column, q))));
  if (filter.outcome) query = query.where("outcome", "=", filter.outcome);
  if (filter.from) query = query.where("received_at", ">=", filter.from);
  if (filter.to) query = query.where("received_at", "<", filter.to);
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb("received_at", "<", cursor.receivedAt),
        eb.and([eb("received_at", "=", cursor.receivedAt), eb("id", "<", cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const reports = rows.slice(0, limit);
  const last = reports.at(-1);
  return {
    reports,
    nextCursor: rows.length > limit && last ? `${last.received_at}|${last.id}` : null,
  };
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
  const rows = await countQuery(db, range).where("contract_id", "=", contractId).execute();
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
): Promise<{ contract_id: string; outcome: ReportOutcome; count: number }[]> {
  const rows = await countQuery(db, range).orderBy("contract_id").orderBy("outcome").execute();
  return rows.map((r) => ({ ...r, count: toCount(r.count) }));
}

function countQuery(db: Executor, range: { from?: string; to?: string }) {
  let query = db
    .selectFrom("reports")
    .select((eb) => ["contract_id", "outcome", eb.fn.countAll().as("count")])
    .groupBy(["contract_id", "outcome"]);
  if (range.from) query = query.where("received_at", ">=", range.from);
  if (range.to) query = query.where("received_at", "<", range.to);
  return query;
}

/** The mailbox of the operator who took a report's call: reminders come from them too (R2). */
export async function getReportOperatorMailbox(db: Executor, reportId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("reports")
    .innerJoin("users", "users.id", "reports.operator_id")
    .select("users.mailbox")
    .where("reports.id", "=", reportId)
    .executeTakeFirst();
  return row?.mailbox ?? undefined;
}
