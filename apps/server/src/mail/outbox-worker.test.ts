/**
 * The outbox worker against a real SMTP server (smtp-server in-process) that answers "try later"
 * (451) to everything, on a temp SQLite database, with the worker's clock in the test's hand:
 * three days of outage pass in a few hundred attempts.
 */
import { getOutbox, queueMail, retryFailed, type Db } from "@uketsuke/db";
import { createTestSqlite, type TestDb } from "@uketsuke/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmtpPermanentRefusal, SmtpRefusal, startSmtpSink, type SmtpSink } from "../../test/support/smtp-sink.ts";
import { createLogger } from "../logger.ts";
import { DEFAULT_BACKOFF } from "./backoff.ts";
import { smtpDeliverer } from "./deliverer.ts";
import { OutboxWorker } from "./outbox-worker.ts";

const HOUR = 3_600_000;
const START = Date.parse("2026-11-24T01:00:00.000Z");

let permanent = false;
let sink: SmtpSink;
let testDb: TestDb;
let now = START;
let worker: OutboxWorker;

beforeAll(async () => {
  sink = await startSmtpSink({
    beforeAccept: () => {
      throw permanent ? new SmtpPermanentRefusal("5.1.1 No such mailbox (test)") : new SmtpRefusal("4.3.0 Try again later (test)");
    },
  });
  testDb = await createTestSqlite();
  worker = new OutboxWorker({
    db: testDb.db,
    deliverer: smtpDeliverer(sink.url, { maxConnections: 1 }),
    clock: () => new Date(now),
    logger: createLogger("silent"),
    backoff: DEFAULT_BACKOFF,
  });
}, 30_000);

afterAll(async () => {
  await worker?.stop();
  await sink?.close();
  await testDb?.cleanup();
});

let mailNumber = 0;
const queue = (db: Db["db"]) =>
  queueMail(
    db,
    { messageId: `<outage.${mailNumber++}@uketsuke.example.jp>`, from: "sato@uketsuke.example.jp", to: ["yamada@client.example"], subject: "【受電報告】", text: "本文", html: "<p>本文</p>" },
    { kind: "report", nextAttemptAt: new Date(now).toISOString() },
  );

/** Runs the worker at each retry's due time until the mail leaves "pending"; returns the waits it chose. */
async function attemptUntilSettled(id: string) {
  const waits: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    expect(await worker.runOnce()).toBe(1);
    const row = await getOutbox(testDb.db, id);
    if (row?.status !== "pending") return { row, waits };
    waits.push(Date.parse(row.nextAttemptAt) - now);
    now = Date.parse(row.nextAttemptAt);
  }
  throw new Error("still pending after 1,000 attempts");
}

describe("a mail server answering 4xx", () => {
  it("is tried for the whole horizon (72 h by default), at least every 30 minutes, then the mail fails", async () => {
    const queued = await queue(testDb.db);
    const { row, waits } = await attemptUntilSettled(queued.id);

    expect(row).toMatchObject({ status: "failed", lastError: expect.stringMatching(/451|Try again later/) });
    const failedAfter = now - START;
    expect(failedAfter).toBeGreaterThanOrEqual(72 * HOUR);
    expect(failedAfter).toBeLessThan(72 * HOUR + 30 * 60_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30 * 60_000);
    // Ten attempts (the old rule) would have given up within the first hour.
    expect(row?.attempts).toBeGreaterThan(100);
  });

  it("a supervisor's retry starts a new horizon: the next 4xx keeps the mail waiting", async () => {
    const [failed] = await testDb.db.selectFrom("outbox").select("id").where("status", "=", "failed").execute();
    await retryFailed(testDb.db, failed!.id, new Date(now).toISOString());
    expect(await worker.runOnce()).toBe(1);
    expect(await getOutbox(testDb.db, failed!.id)).toMatchObject({ status: "pending" });
    await testDb.db.updateTable("outbox").set({ status: "sent" }).where("id", "=", failed!.id).execute();
  });

  it("a 5xx still fails the mail at the first attempt", async () => {
    permanent = true;
    const queued = await queue(testDb.db);
    const { row } = await attemptUntilSettled(queued.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/550|No such mailbox/) });
  });
});
