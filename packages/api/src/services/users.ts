import { findUserByEmail, findUserByMailbox, insertUser, type Executor, type User } from "@uketsuke/db";
import { hashPassword } from "../auth/password.ts";
import { fail } from "../errors.ts";

type NewUser = {
  email: string;
  password: string;
  displayName: string;
  role: User["role"];
  contractId?: string | null;
  clientRole?: User["client_role"];
  mailbox?: string | null;
  locale: User["locale"];
  /** The password already hashed: callers hash before opening a transaction (see the routers). */
  passwordHash?: string;
};

/** Creates a user with a hashed password; a taken email or mailbox is a clear conflict. */
export async function createUser(db: Executor, input: NewUser): Promise<User> {
  if (await findUserByEmail(db, input.email)) return fail("EMAIL_TAKEN");
  if (input.mailbox && (await findUserByMailbox(db, input.mailbox))) return fail("MAILBOX_TAKEN");
  return insertUser(db, {
    email: input.email,
    password_hash: input.passwordHash ?? (await hashPassword(input.password)),
    display_name: input.displayName,
    role: input.role,
    contract_id: input.contractId ?? null,
    client_role: input.clientRole ?? null,
    mailbox: input.mailbox ?? null,
    locale: input.locale,
  });
}
