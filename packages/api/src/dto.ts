import type { User } from "@uketsuke/db";

/** A user as the apps see one: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    contractId: user.contract_id,
    clientRole: user.client_role,
    mailbox: user.mailbox,
    locale: user.locale,
    disabled: user.disabled_at !== null,
    createdAt: user.created_at,
  };
}
export type PublicUser = ReturnType<typeof publicUser>;
