import * as z from "zod";
import { whenMissing } from "../messages/validate.ts";
import { passwordSchema } from "./account.ts";
import { idSchema, spokenName } from "./common.ts";

/**
 * The token from an invitation link: 32 random bytes in base64url (43 characters). Anything else
 * is a bad link, refused at the field before any look-up.
 */
export const invitationTokenSchema = z
  .string(whenMissing("FIELD_REQUIRED"))
  .trim()
  .min(1, { error: "FIELD_REQUIRED" })
  .max(100)
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "FIELD_FORMAT_INVALID" });

/** The accept page asks who invited whom before the invitee sets a password. */
export const invitationInspectSchema = z.object({ token: invitationTokenSchema });

/** The invitee sets their own password; the name the inviter typed may be corrected on the way. */
export const invitationAcceptSchema = z.object({
  token: invitationTokenSchema,
  password: passwordSchema,
  displayName: spokenName(60).optional(),
});

/** One of the inviter's own invitations (revoke, resend): a client owner's, or the agency's staff's. */
export const invitationRefSchema = z.object({ id: idSchema });

/** A supervisor names the contract too: client invitations live in their contract. */
export const contractInvitationRefSchema = invitationRefSchema.extend({ contractId: idSchema });
