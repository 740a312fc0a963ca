import { isoNow, newId, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { Session, User } from "../schema.ts";

export interface SessionWithUser {
  session: Session;
  user: User;
}

/** `id` is the SHA-256 hex of the token: a database leak yields no usable session. */
export function createSession(
  db: Executor,
  session: { id: string; user_id: string; expires_at: string; now?: string },
): Promise<Session> {
  const { now = isoNow(), ...row } = session;
  return db
    .insertInto("sessions")
    .values({ ...row, created_at: now, last_seen_at: now })
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
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select([
      "sessions.id as session_id",
      "sessions.user_id as session_user_id",
      "sessions.created_at as session_created_at",
      "sessions.expires_at as session_expires_at",
      "sessions.last_seen_at as session_last_seen_at",
    ])
    .where("sessions.id", "=", idHash)
    .where("sessions.expires_at", ">", nowIso)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    session_id,
    session_user_id,
    session_created_at,
    session_expires_at,
    session_last_seen_at,
    ...user
  } = row;
  return {
    session: {
      id: session_id,
      user_id: session_user_id,
      created_at: session_created_at,
      expires_at: session_expires_at,
      last_seen_at: session_last_seen_at,
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
    .set(expiresAt === undefined ? { last_seen_at: nowIso } : { last_seen_at: nowIso, expires_at: expiresAt })
    .where("id", "=", idHash)
    .execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", idHash).execute();
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Returns how many sessions were removed. */
export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", nowIso).executeTakeFirst();
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
