import * as z from "zod";
import { whenMissing } from "../messages/validate.ts";
import { CLIENT_ROLES, STAFF_ROLES } from "../vocabulary.ts";
import { emailSchema, idSchema, localeSchema, mailboxSchema, spokenName } from "./common.ts";

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string(whenMissing("FIELD_REQUIRED")).min(1, { error: "FIELD_REQUIRED" }).max(200),
});

export const passwordSchema = z.string(whenMissing("FIELD_REQUIRED")).min(10, { error: "FIELD_PASSWORD_WEAK" }).max(200);

/**
 * A client owner invites someone of the client. No password: the invitee sets their own when they
 * accept (see `invitationAcceptSchema`); the answer is an invitation, never a user.
 */
export const clientUserInputSchema = z.object({
  email: emailSchema,
  displayName: spokenName(60),
  clientRole: z.enum(CLIENT_ROLES).default("member"),
  locale: localeSchema.default("ja"),
});

/** A supervisor invites a client user to a contract. */
export const clientUserCreateSchema = clientUserInputSchema.extend({ contractId: idSchema });

export const contractScopedSchema = z.object({ contractId: idSchema });

export const setDisabledSchema = z.object({ id: idSchema, disabled: z.boolean() });

/** A supervisor gives a user a new first password (every session of theirs ends). */
export const passwordResetSchema = z.object({ id: idSchema, password: passwordSchema });

/** Inviting operators and supervisors: the mailbox is their sender address's local part (R2). */
export const staffInputSchema = z.object({
  email: emailSchema,
  displayName: spokenName(60),
  mailbox: mailboxSchema,
  role: z.enum(STAFF_ROLES).default("operator"),
  locale: localeSchema.default("ja"),
});
