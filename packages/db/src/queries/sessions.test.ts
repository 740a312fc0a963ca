import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { forEachDialect, seedUser } from "../testing.ts";
import {
  countRecentFailures,
  deleteLoginAttempt,
  markLoginAttemptSucceeded,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findValidSession,
  recordLoginAttempt,
  touchSession,
} from "./sessions.ts";
import { updateUser, upgradePasswordHash } from "./users.ts";

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

  it("ends every session on a new password or on disabling, and enabling again revives none", async () => {
    const user = await seedUser(t.db);
    const [a, b, c] = [hash(), hash(), hash()];
    await createSession(t.db, { id: a, userId: user.id, expiresAt: T2, now: T0 });
    await createSession(t.db, { id: b, userId: user.id, expiresAt: T2, now: T0 });
    await updateUser(t.db, user.id, { displayName: "名前だけ変更" });
    expect(await findValidSession(t.db, a, T1)).toBeDefined();
    await updateUser(t.db, user.id, { passwordHash: "new-hash" });
    expect(await findValidSession(t.db, a, T1)).toBeUndefined();
    expect(await findValidSession(t.db, b, T1)).toBeUndefined();
    await createSession(t.db, { id: c, userId: user.id, expiresAt: T2, now: T0 });
    await updateUser(t.db, user.id, { disabledAt: T0 });
    await updateUser(t.db, user.id, { disabledAt: null });
    expect(await findValidSession(t.db, c, T1)).toBeUndefined();
  });

  it("upgrades a password hash in place, keeping sessions, unless the hash changed meanwhile", async () => {
    const user = await seedUser(t.db);
    const id = hash();
    await createSession(t.db, { id, userId: user.id, expiresAt: T2, now: T0 });
    const stored = async () => (await t.db.selectFrom("users").select("passwordHash").where("id", "=", user.id).executeTakeFirstOrThrow()).passwordHash;
    const checked = await stored();
    await upgradePasswordHash(t.db, user.id, { checked, stronger: "stronger-hash" });
    expect(await stored()).toBe("stronger-hash");
    expect(await findValidSession(t.db, id, T1)).toBeDefined();
    await upgradePasswordHash(t.db, user.id, { checked, stronger: "stale-upgrade" });
    expect(await stored()).toBe("stronger-hash");
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
    expect(await countRecentFailures(t.db, { email }, T1)).toBe(2);
    expect(await countRecentFailures(t.db, { email }, T0)).toBe(3);
    expect(await countRecentFailures(t.db, { email: "other@example.com" }, T0)).toBe(0);
  });

  it("counts failures per client address, and settles an attempt written before its check", async () => {
    const email = `${hash()}@example.com`;
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const pending = await recordLoginAttempt(t.db, { email, ip, success: false, at: T1 });
    const refused = await recordLoginAttempt(t.db, { email: `other-${email}`, ip, success: false, at: T1 });
    await recordLoginAttempt(t.db, { email, ip: null, success: false, at: T1 });
    expect(await countRecentFailures(t.db, { ip }, T0)).toBe(2);
    expect(await countRecentFailures(t.db, { email, ip }, T0)).toBe(1);
    expect(await countRecentFailures(t.db, { email, ip: null }, T0)).toBe(1);
    await markLoginAttemptSucceeded(t.db, pending);
    await deleteLoginAttempt(t.db, refused);
    expect(await countRecentFailures(t.db, { ip }, T0)).toBe(0);
  });
});
