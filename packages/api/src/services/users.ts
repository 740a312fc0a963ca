import type { ClientRole, Locale, UserRole } from "@uketsuke/domain";
import { conflictOf, insertUser, type Executor, type UserProfile } from "@uketsuke/db";
import { hashPassword } from "../auth/password.ts";

type NewUser = {
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
  contractId?: string | null;
  clientRole?: ClientRole | null;
  mailbox?: string | null;
  locale: Locale;
  /** The password already hashed: callers hash before opening a transaction (see the routers). */
  passwordHash?: string;
};

/**
 * Creates a user with a hashed password. A taken email or mailbox is refused by its UNIQUE
 * constraint, answered as EMAIL_TAKEN / MAILBOX_TAKEN at that field: one rule for the usual case
 * and for two requests at the same moment.
 */
export async function createUser(db: Executor, input: NewUser): Promise<UserProfile> {
  const { password, passwordHash, ...user } = input;
  return insertUser(db, { ...user, passwordHash: passwordHash ?? (await hashPassword(password)) }).catch((error: unknown) => {
    throw conflictOf(error) ?? error;
  });
}
