import { dialectOf, inTransaction, isoNow, newId, parseJsonArray } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { CapturedMailRow, OutboxKind, OutboxRow, OutboxStatus } from "../schema.ts";

// Email leaves only through the outbox: rows are written in the same transaction as the report,
// and workers deliver them at least once with retries. A row being sent is leased
// (`locked_until`), so a worker that dies mid-send only delays it until the lease runs out.

export type OutboxMessage = Omit<OutboxRow, "to_addresses"> & { to_addresses: string[] };
export type CapturedMail = Omit<CapturedMailRow, "to_addresses"> & { to_addresses: string[] };

export interface NewOutboxInput {
  id?: string;
  kind: OutboxKind;
  report_id?: string | null;
  callback_id?: string | null;
  message_id: string;
  from_address: string;
  to_addresses: string[];
  subject: string;
  body_text: string;
  body_html: string;
  /** Defaults to now. */
  next_attempt_at?: string;
}

const decode = <T extends { to_addresses: string }>(row: T): Omit<T, "to_addresses"> & { to_addresses: string[] } => ({
  ...row,
  to_addresses: parseJsonArray(row.to_addresses),
});

export async function insertOutbox(db: Executor, message: NewOutboxInput): Promise<OutboxMessage> {
  const now = isoNow();
  const row = await db
    .insertInto("outbox")
    .values({
      next_attempt_at: now,
      created_at: now,
      ...message,
      id: message.id ?? newId(),
      to_addresses: JSON.stringify(message.to_addresses),
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

/** Queues a composed mail; `nextAttemptAt` is when the worker may first send it. */
export function queueMail(
  db: Executor,
  mail: ComposedMail,
  meta: { kind: OutboxKind; reportId?: string | null; callbackId?: string | null; nextAttemptAt: string },
): Promise<OutboxMessage> {
  return insertOutbox(db, {
    kind: meta.kind,
    report_id: meta.reportId ?? null,
    callback_id: meta.callbackId ?? null,
    message_id: mail.messageId,
    from_address: mail.from,
    to_addresses: [...mail.to],
    subject: mail.subject,
    body_text: mail.text,
    body_html: mail.html,
    next_attempt_at: meta.nextAttemptAt,
  });
}

export async function getOutbox(db: Executor, id: string): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  return row && decode(row);
}

/** For supervisors: newest first, optionally one status. */
export async function listOutbox(
  db: Executor,
  options: { status?: OutboxStatus; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let query = db.selectFrom("outbox").selectAll();
  if (options.status) query = query.where("status", "=", options.status);
  const rows = await query
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
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
      .where("next_attempt_at", "<=", nowIso)
      .where((eb) =>
        eb.or([
          eb("status", "=", "pending"),
          eb.and([eb("status", "=", "sending"), eb("locked_until", "<", nowIso)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit);
  const lease = (q: Executor) =>
    q
      .updateTable("outbox")
      .set((eb) => ({ status: "sending", locked_until: lockedUntil, attempts: eb("attempts", "+", 1) }));

  let rows: OutboxRow[];
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
    .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id))
    .map(decode);
}

export async function markSent(db: Executor, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: nowIso, locked_until: null })
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
      .set({ status: "captured", sent_at: nowIso, locked_until: null })
      .where("id", "=", id)
      .where("status", "=", "sending")
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    const captured = await trx
      .insertInto("captured_mail")
      .values({
        id: newId(),
        outbox_id: row.id,
        message_id: row.message_id,
        from_address: row.from_address,
        to_addresses: row.to_addresses,
        subject: row.subject,
        body_text: row.body_text,
        body_html: row.body_html,
        captured_at: nowIso,
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
      last_error: error,
      next_attempt_at: nextAttemptAtIso,
      locked_until: null,
    })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A supervisor sends a failed message again; its attempt count is kept for the record. */
export async function retryFailed(db: Executor, id: string, nowIso: string): Promise<OutboxMessage | undefined> {
  const row = await db
    .updateTable("outbox")
    .set({ status: "pending", next_attempt_at: nowIso })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .returningAll()
    .executeTakeFirst();
  return row && decode(row);
}

export async function listCapturedMail(db: Executor, options: { limit?: number } = {}): Promise<CapturedMail[]> {
  const rows = await db
    .selectFrom("captured_mail")
    .selectAll()
    .orderBy("captured_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
}

export async function getCapturedMail(db: Executor, id: string): Promise<CapturedMail | undefined> {
  const row = await db.selectFrom("captured_mail").selectAll().where("id", "=", id).executeTakeFirst();
  return row && decode(row);
}
