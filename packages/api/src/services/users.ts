import { refuse } from "@uketsuke/domain";
import type { ClientRole, Locale, UserRole } from "@uketsuke/domain";
import { findUserByEmail, findUserByMailbox, insertUser, type Executor, type UserProfile } from "@uketsuke/db";
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

/** Creates a user with a hashed password; a taken email or mailbox is a clear conflict. */
export async function createUser(db: Executor, input: NewUser): Promise<UserProfile> {
  if (await findUserByEmail(db, input.email)) return refuse("EMAIL_TAKEN");
  if (input.mailbox && (await findUserByMailbox(db, input.mailbox))) return refuse("MAILBOX_TAKEN");
  const { password, passwordHash, ...user } = input;
  return insertUser(db, { ...user, passwordHash: passwordHash ?? (await hashPassword(password)) });
}
