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

/** Returns the attempt's id, so that an attempt written before its check can be settled after it. */
export async function recordLoginAttempt(
  db: Executor,
  attempt: { email: string; ip?: string | null; success: boolean; at?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto("login_attempts")
    .values({
      id,
      email: attempt.email.trim().toLowerCase(),
      ip: attempt.ip ?? null,
      at: attempt.at ?? isoNow(),
      success: attempt.success ? 1 : 0,
    })
    .execute();
  return id;
}

export async function markLoginAttemptSucceeded(db: Executor, attemptId: string): Promise<void> {
  await db.updateTable("login_attempts").set({ success: 1 }).where("id", "=", attemptId).execute();
}

export async function deleteLoginAttempt(db: Executor, attemptId: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("id", "=", attemptId).execute();
}

/**
 * Failed logins at or after `sinceIso`, for throttling: for one address, from one client address
 * (`ip: null` is "no address known"), or both; an attempt still being checked counts as failed.
 */
export async function countRecentFailures(
  db: Executor,
  filter: { email?: string; ip?: string | null },
  sinceIso: string,
): Promise<number> {
  let query = db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("success", "=", 0)
    .where("at", ">=", sinceIso);
  if (filter.email !== undefined) query = query.where("email", "=", filter.email.trim().toLowerCase());
  if (filter.ip !== undefined) query = filter.ip === null ? query.where("ip", "is", null) : query.where("ip", "=", filter.ip);
  const row = await query.executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** Login attempts older than `beforeIso` count for nothing any more (the throttle looks back minutes). */
export async function deleteLoginAttemptsBefore(db: Executor, beforeIso: string): Promise<number> {
  const result = await db.deleteFrom("login_attempts").where("at", "<", beforeIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
