import { dialectOf, inTransaction, isoNow, newId, parseJsonArray, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { OutboxKind, OutboxStatus } from "@uketsuke/domain";
import type { CapturedMail, CapturedMailSummary, OutboxMessage, OutboxSummary, OutboxTable } from "../schema.ts";
import type { Selectable } from "kysely";

// Email leaves only through the outbox: rows are written in the same transaction as the report,
// and workers deliver them at least once with retries. A row being sent is leased
// (`lockedUntil`), so a worker that dies mid-send only delays it until the lease runs out.

/** Every column but the mail's body: what a list carries (the body is the single item's). */
const outboxSummary = [
  "id",
  "kind",
  "reportId",
  "callbackId",
  "messageId",
  "fromAddress",
  "toAddresses",
  "subject",
  "status",
  "attempts",
  "nextAttemptAt",
  "lockedUntil",
  "lastError",
  "sentAt",
  "createdAt",
  "retrySince",
] as const;
const capturedSummary = ["id", "outboxId", "messageId", "fromAddress", "toAddresses", "subject", "capturedAt"] as const;

export interface NewOutboxInput {
  id?: string;
  kind: OutboxKind;
  reportId?: string | null;
  callbackId?: string | null;
  messageId: string;
  fromAddress: string;
  toAddresses: string[];
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** Defaults to now. */
  nextAttemptAt?: string;
  /** When it was queued; defaults to now. */
  createdAt?: string;
}

const decode = <T extends { toAddresses: string }>(row: T): Omit<T, "toAddresses"> & { toAddresses: string[] } => ({
  ...row,
  toAddresses: parseJsonArray(row.toAddresses),
});

export async function insertOutbox(db: Executor, message: NewOutboxInput): Promise<OutboxMessage> {
  const now = isoNow();
  const row = await db
    .insertInto("outbox")
    .values({
      nextAttemptAt: now,
      createdAt: now,
      ...message,
      id: message.id ?? newId(),
      toAddresses: JSON.stringify(message.toAddresses),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return decode(row);
}

/** A mail as the domain composes it (report or reminder): what the outbox row is made from. */
export interface ComposedMail {
  messageId: string;
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * Queues a composed mail, due at once: `nextAttemptAt` is the caller's "now", and also the time
 * it was queued, so the give-up horizon and the age /healthz reports run on the caller's clock.
 */
export function queueMail(
  db: Executor,
  mail: ComposedMail,
  meta: { kind: OutboxKind; reportId?: string | null; callbackId?: string | null; nextAttemptAt: string },
): Promise<OutboxMessage> {
  return insertOutbox(db, {
    kind: meta.kind,
    reportId: meta.reportId ?? null,
    callbackId: meta.callbackId ?? null,
    messageId: mail.messageId,
    fromAddress: mail.from,
    toAddresses: [...mail.to],
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html,
    nextAttemptAt: meta.nextAttemptAt,
    createdAt: meta.nextAttemptAt,
  });
}

export async function getOutbox(db: Executor, id: string): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  return row && decode(row);
}

export interface OutboxFilter {
  status?: OutboxStatus;
  /** Mail about one contract's calls (its reports, their reminders). */
  contractId?: string;
  limit?: number;
}

/** An outbox row as a supervisor's list shows it: no body, with the contract it is about. */
export type OutboxListItem = OutboxSummary & { contractId: string | null; answerName: string | null };

/** For supervisors: newest first, optionally one status and one contract. */
export async function listOutbox(db: Executor, options: OutboxFilter = {}): Promise<OutboxListItem[]> {
  let query = db
    .selectFrom("outbox")
    .leftJoin("reports", "reports.id", "outbox.reportId")
    .leftJoin("contracts", "contracts.id", "reports.contractId")
    .select(outboxSummary.map((column) => `outbox.${column}` as const))
    .select(["reports.contractId", "contracts.answerName"]);
  if (options.status) query = query.where("outbox.status", "=", options.status);
  if (options.contractId) query = query.where("reports.contractId", "=", options.contractId);
  const rows = await query
    .orderBy("outbox.createdAt", "desc")
    .orderBy("outbox.id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
}

/** How many rows are in each status, for the filter's counts. */
export async function countOutboxByStatus(db: Executor): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select((eb) => ["status", eb.fn.countAll<number | string>().as("count")])
    .groupBy("status")
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, captured: 0, failed: 0 };
  for (const row of rows) counts[row.status] = toCount(row.count);
  return counts;
}

/**
 * Mail not yet delivered (waiting, being sent, or given up on) and the queueing time of the
 * oldest: what /healthz tells a monitor, so a mail server refusing for hours is noticed.
 */
export async function undeliveredMail(db: Executor): Promise<{ undelivered: number; failed: number; oldestCreatedAt: string | null }> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => [
      eb.fn.countAll<number | string>().as("undelivered"),
      eb.fn.sum<number | string | null>(eb.case().when("status", "=", "failed").then(1).else(0).end()).as("failed"),
      eb.fn.min<string | null>("createdAt").as("oldestCreatedAt"),
    ])
    .where("status", "in", ["pending", "sending", "failed"])
    .executeTakeFirstOrThrow();
  return { undelivered: toCount(row.undelivered), failed: toCount(row.failed), oldestCreatedAt: row.oldestCreatedAt ?? null };
}

/**
 * The headers a delivered mail carries besides From, To, Subject and Message-ID: the worker sends
 * them and the supervisor's mail view shows them, from this one list.
 */
export function outboxHeaders(row: Pick<OutboxSummary, "id">): Record<string, string> {
  return { "Auto-Submitted": "auto-generated", "X-Uketsuke-Outbox-Id": row.id };
}

/**
 * Leases up to `limit` due messages to the calling worker: pending ones, and ones whose lease
 * ran out (a worker died while sending). Returned oldest-due first.
 */
export async function claimDueOutbox(
  db: Executor,
  options: { nowIso: string; limit: number; lockForMs: number },
): Promise<OutboxMessage[]> {
  const { nowIso, limit, lockForMs } = options;
  const lockedUntil = new Date(Date.parse(nowIso) + lockForMs).toISOString();
  const dueIds = (q: Executor) =>
    q
      .selectFrom("outbox")
      .select("id")
      .where("nextAttemptAt", "<=", nowIso)
      .where((eb) =>
        eb.or([
          eb("status", "=", "pending"),
          eb.and([eb("status", "=", "sending"), eb("lockedUntil", "<", nowIso)]),
        ]),
      )
      .orderBy("nextAttemptAt")
      .orderBy("id")
      .limit(limit);
  const lease = (q: Executor) =>
    q
      .updateTable("outbox")
      .set((eb) => ({ status: "sending", lockedUntil: lockedUntil, attempts: eb("attempts", "+", 1) }));

  let rows: Selectable<OutboxTable>[];
  if (dialectOf(db) === "postgres") {
    // Several servers share one PostgreSQL: FOR UPDATE SKIP LOCKED lets concurrent workers
    // each take different rows without waiting for one another.
    rows = await inTransaction(db, async (trx) => {
      const ids = (await dueIds(trx).forUpdate().skipLocked().execute()).map((r) => r.id);
      return ids.length === 0 ? [] : lease(trx).where("id", "in", ids).returningAll().execute();
    });
  } else {
    // SQLite has one writer: a single UPDATE takes the write lock at once, where a
    // read-then-write transaction could fail with SQLITE_BUSY if another connection wrote
    // in between.
    rows = await lease(db).where("id", "in", dueIds(db)).returningAll().execute();
  }
  // RETURNING promises no order.
  return rows
    .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id))
    .map(decode);
}

export async function markSent(db: Executor, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "sent", sentAt: nowIso, lockedUntil: null })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** With no SMTP configured the message is kept in the database for supervisors to read. */
export function markCaptured(db: Executor, id: string, nowIso: string): Promise<CapturedMail | undefined> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable("outbox")
      .set({ status: "captured", sentAt: nowIso, lockedUntil: null })
      .where("id", "=", id)
      .where("status", "=", "sending")
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    const captured = await trx
      .insertInto("captured_mail")
      .values({
        id: newId(),
        outboxId: row.id,
        messageId: row.messageId,
        fromAddress: row.fromAddress,
        toAddresses: row.toAddresses,
        subject: row.subject,
        bodyText: row.bodyText,
        bodyHtml: row.bodyHtml,
        capturedAt: nowIso,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return decode(captured);
  });
}

/** A send failed: back to pending for another try at `nextAttemptAtIso`, or failed for good. */
export async function markFailedAttempt(
  db: Executor,
  id: string,
  error: string,
  nextAttemptAtIso: string,
  final: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({
      status: final ? "failed" : "pending",
      lastError: error,
      nextAttemptAt: nextAttemptAtIso,
      lockedUntil: null,
    })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * A supervisor sends a failed message again; its attempt count is kept for the record, and a new
 * run of attempts (with its own give-up horizon) begins now.
 */
export async function retryFailed(db: Executor, id: string, nowIso: string): Promise<OutboxSummary | undefined> {
  const row = await db
    .updateTable("outbox")
    .set({ status: "pending", nextAttemptAt: nowIso, retrySince: nowIso })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .returning(outboxSummary)
    .executeTakeFirst();
  return row && decode(row);
}

/** Every failed message (optionally about one contract) back to the queue at once; returns their ids. */
export async function retryAllFailed(db: Executor, nowIso: string, options: { contractId?: string } = {}): Promise<string[]> {
  let query = db
    .updateTable("outbox")
    .set({ status: "pending", nextAttemptAt: nowIso, retrySince: nowIso })
    .where("status", "=", "failed");
  if (options.contractId) {
    const contractId = options.contractId;
    query = query.where("reportId", "in", (eb) => eb.selectFrom("reports").select("id").where("contractId", "=", contractId));
  }
  const rows = await query.returning("id").execute();
  return rows.map((row) => row.id).sort();
}

export async function listCapturedMail(db: Executor, options: { limit?: number } = {}): Promise<CapturedMailSummary[]> {
  const rows = await db
    .selectFrom("captured_mail")
    .select(capturedSummary)
    .orderBy("capturedAt", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
}

export async function getCapturedMail(db: Executor, id: string): Promise<CapturedMail | undefined> {
  const row = await db.selectFrom("captured_mail").selectAll().where("id", "=", id).executeTakeFirst();
  return row && decode(row);
}
