import { isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { ClientRole, Locale, User, UserRole } from "../schema.ts";

export interface NewUserInput {
  id?: string;
  email: string;
  password_hash: string;
  display_name: string;
  role: UserRole;
  /** Required for clients, null for staff (a CHECK constraint holds it). */
  contract_id?: string | null;
  client_role?: ClientRole | null;
  mailbox?: string | null;
  locale?: Locale;
}

export interface UserPatch {
  display_name?: string;
  locale?: Locale;
  password_hash?: string;
  mailbox?: string | null;
  /** An ISO time disables the user; null enables them again. */
  disabled_at?: string | null;
}

/** Emails are compared case-insensitively by storing and looking them up lower-cased. */
const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function insertUser(db: Executor, user: NewUserInput): Promise<User> {
  return db
    .insertInto("users")
    .values({ created_at: isoNow(), ...user, id: user.id ?? newId(), email: normaliseEmail(user.email) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export function getUserById(db: Executor, userId: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
}

export function listClientUsers(db: Executor, contractId: string): Promise<User[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("contract_id", "=", contractId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Operators and supervisors. */
export function listStaff(db: Executor): Promise<User[]> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("role", "in", ["operator", "supervisor"])
    .orderBy("display_name")
    .orderBy("id")
    .execute();
}

/** For staff managing any user (and a user changing their own profile). */
export function updateUser(db: Executor, userId: string, patch: UserPatch): Promise<User | undefined> {
  return db.updateTable("users").set(patch).where("id", "=", userId).returningAll().executeTakeFirst();
}

/** For a client owner managing the users of their own contract only. */
export function updateClientUser(
  db: Executor,
  contractId: string,
  userId: string,
  patch: Omit<UserPatch, "mailbox">,
): Promise<User | undefined> {
  return db
    .updateTable("users")
    .set(patch)
    .where("id", "=", userId)
    .where("contract_id", "=", contractId)
    .returningAll()
    .executeTakeFirst();
}

/** Staff look-up by the local part of their sender address (R2); mailboxes are unique. */
export function findUserByMailbox(db: Executor, mailbox: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("mailbox", "=", mailbox).executeTakeFirst();
}
