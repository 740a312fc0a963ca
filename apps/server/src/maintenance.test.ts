import { afterAll, beforeAll, expect, it } from "vitest";
import { createSession, countRecentFailures, insertUser, listReports, recordLoginAttempt } from "@uketsuke/db";
import { createTestSqlite, seedContract, seedReport, seedUser, type TestDb } from "@uketsuke/db/testing";
import { runMaintenance } from "./maintenance.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestSqlite();
});
afterAll(() => t.cleanup());

it("removes expired sessions and day-old login attempts, and keeps the rest", async () => {
  const now = new Date("2026-11-24T01:00:00Z");
  const user = await insertUser(t.db, { email: "m@example.com", passwordHash: "-", displayName: "m", role: "supervisor", mailbox: "m" });
  await createSession(t.db, { id: "expired", userId: user.id, expiresAt: "2026-11-24T00:59:59.000Z" });
  await createSession(t.db, { id: "valid", userId: user.id, expiresAt: "2026-11-24T13:00:00.000Z" });
  await recordLoginAttempt(t.db, { email: "m@example.com", success: false, at: "2026-11-22T00:00:00.000Z" });
  await recordLoginAttempt(t.db, { email: "m@example.com", success: false, at: "2026-11-24T00:55:00.000Z" });

  expect(await runMaintenance(t.db, now)).toEqual({ sessions: 1, loginAttempts: 1, searchMergeSteps: 0 });
  const sessions = await t.db.selectFrom("sessions").select("id").execute();
  expect(sessions.map((s) => s.id)).toEqual(["valid"]);
  expect(await countRecentFailures(t.db, { email: "m@example.com" }, "2026-11-01T00:00:00.000Z")).toBe(1);
});


it("merges the search index's segments that saves left behind, and finds the same reports", async () => {
  const contract = await seedContract(t.db);
  const operator = await seedUser(t.db);
  // 64 saves flush one segment into FTS5: four flushes leave segments to merge.
  for (let i = 0; i < 256; i++) await seedReport(t.db, contract.id, operator.id, { callerName: i % 2 ? "田中" : "鬼塚", receivedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() });
  const found = async () => (await listReports(t.db, contract.id, { q: "鬼塚", limit: 200 })).reports.map((r) => r.id);
  const before = await found();
  const now = new Date("2026-11-24T02:00:00Z");
  expect((await runMaintenance(t.db, now)).searchMergeSteps).toBeGreaterThan(0);
  expect((await runMaintenance(t.db, now)).searchMergeSteps).toBe(0);
  expect(await found()).toEqual(before);
  expect(before).toHaveLength(128);
});
