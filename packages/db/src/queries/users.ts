import { isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { ClientRole, Locale, UserRole } from "@uketsuke/domain";
import type { User, UserProfile } from "../schema.ts";

export interface NewUserInput {
  id?: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: UserRole;
  /** Required for clients, null for staff (a CHECK constraint holds it). */
  contractId?: string | null;
  clientRole?: ClientRole | null;
  mailbox?: string | null;
  locale?: Locale;
}

export interface UserPatch {
  displayName?: string;
  locale?: Locale;
  passwordHash?: string;
  mailbox?: string | null;
  /** An ISO time disables the user; null enables them again. */
  disabledAt?: string | null;
}

/** Emails are compared case-insensitively by storing and looking them up lower-cased. */
const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Every column but the password hash: a user as anyone but the password check sees one. */
export const userProfileColumns = [
  "id",
  "email",
  "displayName",
  "role",
  "contractId",
  "clientRole",
  "mailbox",
  "locale",
  "createdAt",
  "disabledAt",
] as const;

export function insertUser(db: Executor, user: NewUserInput): Promise<UserProfile> {
  return db
    .insertInto("users")
    .values({ createdAt: isoNow(), ...user, id: user.id ?? newId(), email: normaliseEmail(user.email) })
    .returning(userProfileColumns)
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export function getUserById(db: Executor, userId: string): Promise<UserProfile | undefined> {
  return db.selectFrom("users").select(userProfileColumns).where("id", "=", userId).executeTakeFirst();
}

export function listClientUsers(db: Executor, contractId: string): Promise<UserProfile[]> {
  return db
    .selectFrom("users")
    .select(userProfileColumns)
    .where("contractId", "=", contractId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

/** Operators and supervisors. */
export function listStaff(db: Executor): Promise<UserProfile[]> {
  return db
    .selectFrom("users")
    .select(userProfileColumns)
    .where("role", "in", ["operator", "supervisor"])
    .orderBy("displayName")
    .orderBy("id")
    .execute();
}

/**
 * A new password or a disabled account ends every session of the user, in the same statement
 * batch as the change: enabling the account later must not bring old cookies back.
 */
async function endSessionsOnCredentialChange(db: Executor, user: UserProfile | undefined, patch: UserPatch): Promise<void> {
  if (user && (patch.passwordHash !== undefined || (patch.disabledAt !== undefined && patch.disabledAt !== null))) {
    await db.deleteFrom("sessions").where("userId", "=", user.id).execute();
  }
}

/** For staff managing any user (and a user changing their own profile). */
export async function updateUser(db: Executor, userId: string, patch: UserPatch): Promise<UserProfile | undefined> {
  const user = await db.updateTable("users").set(patch).where("id", "=", userId).returning(userProfileColumns).executeTakeFirst();
  await endSessionsOnCredentialChange(db, user, patch);
  return user;
}

/** For a client owner managing the users of their own contract only. */
export async function updateClientUser(
  db: Executor,
  contractId: string,
  userId: string,
  patch: Omit<UserPatch, "mailbox">,
): Promise<UserProfile | undefined> {
  const user = await db
    .updateTable("users")
    .set(patch)
    .where("id", "=", userId)
    .where("contractId", "=", contractId)
    .returning(userProfileColumns)
    .executeTakeFirst();
  await endSessionsOnCredentialChange(db, user, patch);
  return user;
}

/**
 * A stronger hash of the same password, written only if the stored hash is still the one that
 * was checked (a password changed meanwhile wins). Sessions stay: the password did not change.
 */
export async function upgradePasswordHash(db: Executor, userId: string, hashes: { checked: string; stronger: string }): Promise<void> {
  await db.updateTable("users").set({ passwordHash: hashes.stronger }).where("id", "=", userId).where("passwordHash", "=", hashes.checked).execute();
}

/** Staff look-up by the local part of their sender address (R2); mailboxes are unique. */
export function findUserByMailbox(db: Executor, mailbox: string): Promise<UserProfile | undefined> {
  return db.selectFrom("users").select(userProfileColumns).where("mailbox", "=", mailbox).executeTakeFirst();
}
