import type { Executor } from "../executor.ts";
import type { OutboxKind, OutboxStatus } from "@uketsuke/domain";

// What happened to one report after it was saved: its mails (the report and any reminders),
// the first time someone of the client opened it in the dashboard, and who marked its callback
// done. Every look-up is scoped by the contract, so another contract's report yields nothing.

/** The audit action written the first time a client user opens a report. */
export const REPORT_OPENED = "report.opened";

export interface ReportMailState {
  id: string;
  kind: OutboxKind;
  status: OutboxStatus;
  attempts: number;
  fromAddress: string;
  toAddresses: string[];
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
  lastError: string | null;
}

export async function listReportMail(db: Executor, contractId: string, reportId: string): Promise<ReportMailState[]> {
  const rows = await db
    .selectFrom("outbox")
    .innerJoin("reports", "reports.id", "outbox.reportId")
    .select([
      "outbox.id",
      "outbox.kind",
      "outbox.status",
      "outbox.attempts",
      "outbox.fromAddress",
      "outbox.toAddresses",
      "outbox.createdAt",
      "outbox.sentAt",
      "outbox.nextAttemptAt",
      "outbox.lastError",
    ])
    .where("reports.contractId", "=", contractId)
    .where("outbox.reportId", "=", reportId)
    .orderBy("outbox.createdAt")
    .orderBy("outbox.id")
    .execute();
  return rows.map((r) => ({ ...r, toAddresses: JSON.parse(r.toAddresses) as string[] }));
}

/** The first opening of a report by anyone of its contract, with their name; undefined if never. */
export async function firstReportOpening(
  db: Executor,
  contractId: string,
  reportId: string,
): Promise<{ at: string; userId: string | null; displayName: string | null } | undefined> {
  const row = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actorUserId")
    .select(["audit_log.at", "audit_log.actorUserId", "users.displayName"])
    .where("audit_log.contractId", "=", contractId)
    .where("audit_log.action", "=", REPORT_OPENED)
    .where("audit_log.entityId", "=", reportId)
    .orderBy("audit_log.at")
    .orderBy("audit_log.id")
    .limit(1)
    .executeTakeFirst();
  return row && { at: row.at, userId: row.actorUserId, displayName: row.displayName };
}

/** A report's callback with the name of whoever marked it done. */
export async function getReportCallback(db: Executor, contractId: string, reportId: string) {
  return db
    .selectFrom("callbacks")
    .leftJoin("users", "users.id", "callbacks.doneBy")
    .select(["callbacks.id", "callbacks.status", "callbacks.requestedAt", "callbacks.doneAt", "users.displayName as doneByName"])
    .where("callbacks.contractId", "=", contractId)
    .where("callbacks.reportId", "=", reportId)
    .executeTakeFirst();
}
