import { isoNow, newId, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { Session, UserProfile } from "../schema.ts";
import { userProfileColumns } from "./users.ts";

export interface SessionWithUser {
  session: Session;
  user: UserProfile;
}

/** `id` is the HMAC of the token under the cookie secret: a database leak yields no usable session. */
export function createSession(
  db: Executor,
  session: { id: string; userId: string; expiresAt: string; now?: string },
): Promise<Session> {
  const { now = isoNow(), ...row } = session;
  return db
    .insertInto("sessions")
    .values({ ...row, createdAt: now, lastSeenAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The session if it has not expired at `nowIso` and its user is not disabled. */
export async function findValidSession(
  db: Executor,
  idHash: string,
  nowIso: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select(userProfileColumns.map((column) => `users.${column}` as const))
    .select([
      "sessions.id as sessionId",
      "sessions.userId as sessionUserId",
      "sessions.createdAt as sessionCreatedAt",
      "sessions.expiresAt as sessionExpiresAt",
      "sessions.lastSeenAt as sessionLastSeenAt",
    ])
    .where("sessions.id", "=", idHash)
    .where("sessions.expiresAt", ">", nowIso)
    .where("users.disabledAt", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    sessionId,
    sessionUserId,
    sessionCreatedAt,
    sessionExpiresAt,
    sessionLastSeenAt,
    ...user
  } = row;
  return {
    session: {
      id: sessionId,
      userId: sessionUserId,
      createdAt: sessionCreatedAt,
      expiresAt: sessionExpiresAt,
      lastSeenAt: sessionLastSeenAt,
    },
    user,
  };
}

/** Records activity; pass `expiresAt` to slide the expiry too. */
export async function touchSession(
  db: Executor,
  idHash: string,
  nowIso: string,
  expiresAt?: string,
): Promise<void> {
  await db
    .updateTable("sessions")
    .set(expiresAt === undefined ? { lastSeenAt: nowIso } : { lastSeenAt: nowIso, expiresAt: expiresAt })
    .where("id", "=", idHash)
    .execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", idHash).execute();
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("userId", "=", userId).execute();
}

/** Returns how many sessions were removed. */
export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expiresAt", "<=", nowIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function recordLoginAttempt(
  db: Executor,
  attempt: { email: string; ip?: string | null; success: boolean; at?: string },
): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values({
      id: newId(),
      email: attempt.email.trim().toLowerCase(),
      ip: attempt.ip ?? null,
      at: attempt.at ?? isoNow(),
      success: attempt.success ? 1 : 0,
    })
    .execute();
}

/** Failed logins for `email` at or after `sinceIso`, for throttling. */
export async function countRecentFailures(db: Executor, email: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("email", "=", email.trim().toLowerCase())
    .where("success", "=", 0)
    .where("at", ">=", sinceIso)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** Login attempts older than `beforeIso` count for nothing any more (the throttle looks back minutes). */
export async function deleteLoginAttemptsBefore(db: Executor, beforeIso: string): Promise<number> {
  const result = await db.deleteFrom("login_attempts").where("at", "<", beforeIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
