import { afterAll, beforeAll, expect, it } from "vitest";
import { createSession, countRecentFailures, insertUser, recordLoginAttempt } from "@uketsuke/db";
import { createTestSqlite, type TestDb } from "@uketsuke/db/testing";
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

  expect(await runMaintenance(t.db, now)).toEqual({ sessions: 1, loginAttempts: 1 });
  const sessions = await t.db.selectFrom("sessions").select("id").execute();
  expect(sessions.map((s) => s.id)).toEqual(["valid"]);
  expect(await countRecentFailures(t.db, { email: "m@example.com" }, "2026-11-01T00:00:00.000Z")).toBe(1);
});

