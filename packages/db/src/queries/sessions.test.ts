import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { forEachDialect, seedUser } from "../testing.ts";
import {
  countRecentFailures,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findValidSession,
  recordLoginAttempt,
  touchSession,
} from "./sessions.ts";
import { updateUser } from "./users.ts";

const T0 = "2026-11-25T00:00:00.000Z";
const T1 = "2026-11-25T01:00:00.000Z";
const T2 = "2026-11-25T02:00:00.000Z";
const hash = () => randomUUID().replaceAll("-", "");

forEachDialect("sessions", (t) => {
  it("finds a session with its user until it expires", async () => {
    const user = await seedUser(t.db);
    const id = hash();
    const session = await createSession(t.db, { id, userId: user.id, expiresAt: T2, now: T0 });
    expect(session).toMatchObject({ id, createdAt: T0, lastSeenAt: T0, expiresAt: T2 });
    expect(await findValidSession(t.db, id, T1)).toEqual({ session, user });
    expect(await findValidSession(t.db, id, T2)).toBeUndefined();
    expect(await findValidSession(t.db, hash(), T1)).toBeUndefined();
  });

  it("does not accept a disabled user's session", async () => {
    const user = await seedUser(t.db);
    const id = hash();
    await createSession(t.db, { id, userId: user.id, expiresAt: T2, now: T0 });
    await updateUser(t.db, user.id, { disabledAt: T0 });
    expect(await findValidSession(t.db, id, T1)).toBeUndefined();
  });

  it("touches, slides and deletes sessions", async () => {
    const user = await seedUser(t.db);
    const id = hash();
    await createSession(t.db, { id, userId: user.id, expiresAt: T1, now: T0 });
    await touchSession(t.db, id, T1, T2);
    const found = await findValidSession(t.db, id, "2026-11-25T01:30:00.000Z");
    expect(found?.session).toMatchObject({ lastSeenAt: T1, expiresAt: T2 });
    await deleteSession(t.db, id);
    expect(await findValidSession(t.db, id, T0)).toBeUndefined();

    const other = hash();
    await createSession(t.db, { id: other, userId: user.id, expiresAt: T2, now: T0 });
    await deleteUserSessions(t.db, user.id);
    expect(await findValidSession(t.db, other, T0)).toBeUndefined();
  });

  it("deletes expired sessions only", async () => {
    const user = await seedUser(t.db);
    const old = hash();
    const live = hash();
    await createSession(t.db, { id: old, userId: user.id, expiresAt: "2000-01-01T00:00:00.000Z", now: T0 });
    await createSession(t.db, { id: live, userId: user.id, expiresAt: "2999-01-01T00:00:00.000Z", now: T0 });
    expect(await deleteExpiredSessions(t.db, T0)).toBeGreaterThanOrEqual(1);
    expect(await findValidSession(t.db, live, T0)).toBeDefined();
    expect(await t.db.selectFrom("sessions").select("id").where("id", "=", old).executeTakeFirst()).toBeUndefined();
  });

  it("counts recent failed logins per email, case-insensitively", async () => {
    const email = `${hash()}@example.com`;
    await recordLoginAttempt(t.db, { email, success: false, at: T0 });
    await recordLoginAttempt(t.db, { email: email.toUpperCase(), ip: "192.0.2.1", success: false, at: T1 });
    await recordLoginAttempt(t.db, { email, success: true, at: T1 });
    await recordLoginAttempt(t.db, { email, success: false, at: T2 });
    expect(await countRecentFailures(t.db, email, T1)).toBe(2);
    expect(await countRecentFailures(t.db, email, T0)).toBe(3);
    expect(await countRecentFailures(t.db, "other@example.com", T0)).toBe(0);
  });
});
