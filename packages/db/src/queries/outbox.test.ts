import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createDb } from "../connect.ts";
import type { Db } from "../connect.ts";
import type { Executor } from "../executor.ts";
import { forEachDialect } from "../testing.ts";
import {
  claimDueOutbox,
  getCapturedMail,
  getOutbox,
  insertOutbox,
  listCapturedMail,
  listOutbox,
  markCaptured,
  markFailedAttempt,
  markSent,
  retryAllFailed,
  retryFailed,
  undeliveredMail,
} from "./outbox.ts";
import { seedContract, seedReport, seedUser } from "../testing.ts";

const NOW = "2026-11-25T09:00:00.000Z";
const LATER = "2026-11-25T09:10:00.000Z";
const lease = { lockForMs: 60_000 };

function queue(db: Executor, nextAttemptAt = "2026-11-25T08:00:00.000Z", reportId: string | null = null) {
  return insertOutbox(db, {
    reportId,
    kind: "report",
    messageId: `<${randomUUID()}@uketsuke.example>`,
    fromAddress: "sato@uketsuke.example",
    toAddresses: ["yamada@client.example", "desk@client.example"],
    subject: "【受電報告】",
    bodyText: "山田様\nお電話がありました。",
    bodyHtml: "<p>山田様</p>",
    nextAttemptAt: nextAttemptAt,
  });
}

forEachDialect("outbox", (t) => {
  let other: Db | undefined;
  beforeAll(() => {
    other = createDb(t.url);
  });
  afterAll(async () => {
    await other?.close();
  });
  // Claims take every due row in the database, so each test starts with an empty outbox.
  beforeEach(async () => {
    await t.db.deleteFrom("captured_mail").execute();
    await t.db.deleteFrom("outbox").execute();
  });

  it("queues a message and lists it by status", async () => {
    const message = await queue(t.db);
    expect(message).toMatchObject({ status: "pending", attempts: 0, toAddresses: ["yamada@client.example", "desk@client.example"] });
    expect(await getOutbox(t.db, message.id)).toEqual(message);
    // A list carries no mail body: that is the single item's.
    const { bodyText: _text, bodyHtml: _html, ...summary } = message;
    expect(await listOutbox(t.db, { status: "pending" })).toEqual([{ ...summary, contractId: null, answerName: null }]);
    expect(await listOutbox(t.db, { status: "sent" })).toEqual([]);
  });

  it("claims due messages only, and leases them", async () => {
    const due = await queue(t.db, "2026-11-25T08:00:00.000Z");
    await queue(t.db, "2026-11-25T10:00:00.000Z"); // not yet
    const claimed = await claimDueOutbox(t.db, { nowIso: NOW, limit: 10, ...lease });
    expect(claimed.map((m) => m.id)).toEqual([due.id]);
    expect(claimed[0]).toMatchObject({ status: "sending", attempts: 1, lockedUntil: "2026-11-25T09:01:00.000Z" });
    // Leased: nobody else takes it until the lease runs out …
    expect(await claimDueOutbox(t.db, { nowIso: NOW, limit: 10, ...lease })).toEqual([]);
    // … then another worker does (the first one died mid-send).
    const reclaimed = await claimDueOutbox(t.db, { nowIso: "2026-11-25T09:02:00.000Z", limit: 10, ...lease });
    expect(reclaimed.map((m) => [m.id, m.attempts])).toEqual([[due.id, 2]]);
  });

  it("hands out the oldest due first, up to the limit", async () => {
    const second = await queue(t.db, "2026-11-25T08:30:00.000Z");
    const first = await queue(t.db, "2026-11-25T08:00:00.000Z");
    await queue(t.db, "2026-11-25T08:45:00.000Z");
    const claimed = await claimDueOutbox(t.db, { nowIso: NOW, limit: 2, ...lease });
    expect(claimed.map((m) => m.id)).toEqual([first.id, second.id]);
  });

  it("marks a claimed message sent", async () => {
    const message = await queue(t.db);
    expect(await markSent(t.db, message.id, NOW)).toBe(false); // not claimed
    await claimDueOutbox(t.db, { nowIso: NOW, limit: 1, ...lease });
    expect(await markSent(t.db, message.id, NOW)).toBe(true);
    expect(await getOutbox(t.db, message.id)).toMatchObject({ status: "sent", sentAt: NOW, lockedUntil: null });
  });

  it("retries after a failure, gives up when final, and lets a supervisor retry", async () => {
    const message = await queue(t.db);
    await claimDueOutbox(t.db, { nowIso: NOW, limit: 1, ...lease });
    expect(await markFailedAttempt(t.db, message.id, "421 try later", LATER, false)).toBe(true);
    expect(await getOutbox(t.db, message.id)).toMatchObject({ status: "pending", lastError: "421 try later", nextAttemptAt: LATER });
    expect(await claimDueOutbox(t.db, { nowIso: NOW, limit: 1, ...lease })).toEqual([]);

    await claimDueOutbox(t.db, { nowIso: LATER, limit: 1, ...lease });
    expect(await markFailedAttempt(t.db, message.id, "550 no such user", LATER, true)).toBe(true);
    expect(await getOutbox(t.db, message.id)).toMatchObject({ status: "failed", attempts: 2 });
    expect(await claimDueOutbox(t.db, { nowIso: "2026-11-26T00:00:00.000Z", limit: 1, ...lease })).toEqual([]);

    const retried = await retryFailed(t.db, message.id, "2026-11-26T00:00:00.000Z");
    // A new run of attempts begins: the give-up horizon counts from the retry.
    expect(retried).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: "2026-11-26T00:00:00.000Z", retrySince: "2026-11-26T00:00:00.000Z" });
    expect(await retryFailed(t.db, message.id, "2026-11-26T00:00:00.000Z")).toBeUndefined(); // no longer failed
  });

  it("retries every failed message at once, or one contract's; lists and counts by contract", async () => {
    const [mine, theirs] = await Promise.all([seedContract(t.db), seedContract(t.db)]);
    const operator = await seedUser(t.db);
    const about = async (contractId: string) => queue(t.db, undefined, (await seedReport(t.db, contractId, operator.id)).id);
    const failed = [await about(mine.id), await about(mine.id), await about(theirs.id)];
    const waiting = await about(mine.id);
    await t.db.updateTable("outbox").set({ status: "failed" }).where("id", "in", failed.map((m) => m.id)).execute();

    const listed = await listOutbox(t.db, { contractId: mine.id });
    expect(listed.map((m) => m.id).sort()).toEqual([failed[0]!.id, failed[1]!.id, waiting.id].sort());
    expect(listed[0]).toMatchObject({ contractId: mine.id, answerName: mine.answerName });
    expect(await undeliveredMail(t.db)).toMatchObject({ failed: 3 });

    expect(await retryAllFailed(t.db, LATER, { contractId: mine.id })).toEqual([failed[0]!.id, failed[1]!.id].sort());
    expect(await getOutbox(t.db, failed[2]!.id)).toMatchObject({ status: "failed" });
    expect(await retryAllFailed(t.db, LATER)).toEqual([failed[2]!.id]);
    expect(await retryAllFailed(t.db, LATER)).toEqual([]);
    for (const m of failed) expect(await getOutbox(t.db, m.id)).toMatchObject({ status: "pending", nextAttemptAt: LATER, retrySince: LATER });
  });

  it("tells how much mail is undelivered and since when", async () => {
    expect(await undeliveredMail(t.db)).toEqual({ undelivered: 0, failed: 0, oldestCreatedAt: null });
    const first = await queue(t.db);
    await queue(t.db);
    await claimDueOutbox(t.db, { nowIso: NOW, limit: 2, ...lease });
    expect(await undeliveredMail(t.db)).toEqual({ undelivered: 2, failed: 0, oldestCreatedAt: first.createdAt });
    await markSent(t.db, first.id, NOW);
    expect(await undeliveredMail(t.db)).toMatchObject({ undelivered: 1 });
  });

  it("captures a message instead of sending it", async () => {
    const message = await queue(t.db);
    expect(await markCaptured(t.db, message.id, NOW)).toBeUndefined(); // not claimed
    await claimDueOutbox(t.db, { nowIso: NOW, limit: 1, ...lease });
    const captured = await markCaptured(t.db, message.id, NOW);
    expect(captured).toMatchObject({
      outboxId: message.id,
      messageId: message.messageId,
      toAddresses: message.toAddresses,
      subject: "【受電報告】",
      bodyText: message.bodyText,
      capturedAt: NOW,
    });
    expect(await getOutbox(t.db, message.id)).toMatchObject({ status: "captured" });
    const { bodyText: _text, bodyHtml: _html, ...summary } = captured!;
    expect(await listCapturedMail(t.db)).toEqual([summary]);
    expect(await getCapturedMail(t.db, captured!.id)).toEqual(captured);
  });

  it("never gives one message to two concurrent workers", async () => {
    const ids = (await Promise.all(Array.from({ length: 30 }, () => queue(t.db)))).map((m) => m.id);
    const worker = async (db: Executor) => {
      const got: string[] = [];
      for (;;) {
        const batch = await claimDueOutbox(db, { nowIso: NOW, limit: 3, ...lease });
        if (batch.length === 0) return got;
        got.push(...batch.map((m) => m.id));
      }
    };
    const results = await Promise.all([worker(t.db), worker(t.db), worker(other!.db), worker(other!.db)]);
    const all = results.flat();
    expect(all).toHaveLength(ids.length);
    expect(new Set(all)).toEqual(new Set(ids));
  });

  // PostgreSQL only: SQLite has no row locks (one writer at a time).
  if (t.dialect === "postgres") it("skips rows another worker has locked, without waiting", async () => {
    const ids = (await Promise.all(Array.from({ length: 4 }, () => queue(t.db)))).map((m) => m.id);
    await t.db.transaction().execute(async (trx) => {
      // The first worker's claim is still uncommitted while the second one claims.
      const first = await claimDueOutbox(trx, { nowIso: NOW, limit: 2, ...lease });
      const second = await claimDueOutbox(other!.db, { nowIso: NOW, limit: 10, ...lease });
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(2);
      expect(new Set([...first, ...second].map((m) => m.id))).toEqual(new Set(ids));
    });
  });
});
