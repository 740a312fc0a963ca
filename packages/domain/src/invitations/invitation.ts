/**
 * Adding a person to the agency or to a client's contract is an invitation: the address receives
 * a link and the person sets their own password. The inviter learns nothing about the address
 * beyond "invited": whether it already has an account elsewhere is told to the address's owner
 * alone, by mail (issue 7: adding a user must not reveal another tenant's address).
 */
import type { InvitationStatus, UserRole } from "../vocabulary.ts";

/**
 * How long an invitation link works. Long enough to span a holiday weekend and a week of leave
 * (the invitee may not read the mail the day it is sent); short enough that a link lying in a
 * forwarded or archived mailbox stops opening an account. Resending gives a new link for as long.
 */
export const INVITATION_TTL_DAYS = 7;

export function invitationExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_DAYS * 24 * 3_600_000);
}

/** What an invitation row holds that decides its status. Instants are ISO strings, as stored. */
export type InvitationState = {
  readonly acceptedAt: string | null;
  readonly revokedAt: string | null;
  readonly expiresAt: string;
};

/** Accepted and revoked are final; otherwise the time decides between pending and expired. */
export function invitationStatus(invitation: InvitationState, now: Date): InvitationStatus {
  if (invitation.acceptedAt !== null) return "accepted";
  if (invitation.revokedAt !== null) return "revoked";
  return Date.parse(invitation.expiresAt) > now.getTime() ? "pending" : "expired";
}

/**
 * Where the link in the mail points: one accept page, in the dashboard, for client users and staff
 * alike (it sends staff on to the console once their password is set). The token sits in the
 * path, not in a query string, and the page is served with Referrer-Policy: same-origin.
 */
export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${token}`;
}

/** Where the new user lands once signed in: staff work in the console, clients in the dashboard. */
export function homeOf(role: UserRole): string {
  return role === "client" ? "/" : "/console/";
}
