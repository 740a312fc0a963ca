/**
 * Adding a person is an invitation (issue 7). The inviter gets the same answer whether the address
 * is free, has an account in another contract (or at the agency), or was invited before: a pending
 * invitation. What differs is the mail, which only the address's owner reads: a link to set a
 * password, or word that the address already has an account. An address that is already a user
 * of the inviter's own tenant (the same contract; for staff, the agency) is answered as such: the
 * inviter sees those users in their list anyway.
 */
import { randomBytes } from "node:crypto";
import {
  composeInvitationMail,
  enumLabel,
  fieldRefusal,
  invitationExpiresAt,
  invitationLink,
  invitationStatus,
  refuse,
  type ClientRole,
  type InvitationStatus,
  type Locale,
  type UserRole,
} from "@uketsuke/domain";
import {
  findPendingMailboxInvitation,
  findUserByEmail,
  findUserByMailbox,
  insertInvitation,
  inTransaction,
  isUniqueViolation,
  listOpenInvitations,
  OPEN_INVITATION,
  queueMail,
  renewInvitation,
  revokeInvitation,
  revokeOpenInvitationsFor,
  type Executor,
  type InvitationListItem,
  type InvitationScope,
  type InvitationSummary,
} from "@uketsuke/db";
import { audit } from "../audit.ts";
import { sessionIdOf } from "../auth/session-token.ts";
import type { Context } from "../context.ts";

export type InviterContext = Context & { user: { id: string; displayName: string } };

export type NewInvitation = {
  email: string;
  displayName: string;
  role: UserRole;
  contractId: string | null;
  clientRole: ClientRole | null;
  mailbox: string | null;
  locale: Locale;
};

/** What the inviter sees of an invitation: never its token, never which mail went out. */
export type InvitationView = Omit<InvitationSummary, "acceptedAt" | "revokedAt" | "invitedBy"> & { status: InvitationStatus; invitedByName?: string | null };

export function invitationView(invitation: InvitationSummary | InvitationListItem, now: Date): InvitationView {
  const { acceptedAt: _a, revokedAt: _r, invitedBy: _b, ...shown } = invitation;
  return { ...shown, status: invitationStatus(invitation, now) };
}

/** The link's token: 256 random bits; the database keeps only its HMAC under the cookie secret, as for sessions. */
export function invitationTokenHash(token: string, secret: string): string {
  return sessionIdOf(token, secret);
}

function newToken(secret: string): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: invitationTokenHash(token, secret) };
}

/** Where links point: PUBLIC_URL, else the origin the inviter's request came to. */
function linkOrigin(ctx: Context): string {
  return ctx.publicUrl ?? ctx.origin ?? `https://${ctx.agency.mailDomain}`;
}

/** The inviting company as the mail names it: the contract's legal entity, or the agency. */
export type Inviter = { company: string };

/**
 * Queues the mail for one invitation, decided now: a link if the address has no account, else
 * the "already has an account" mail without one. Same transaction as the invitation row.
 */
async function queueInvitationMail(trx: Executor, ctx: InviterContext, invitation: InvitationSummary, token: string, inviter: Inviter) {
  const now = ctx.clock();
  const taken = (await findUserByEmail(trx, invitation.email)) !== undefined;
  const role = invitation.role === "client" ? enumLabel("clientRole", invitation.clientRole ?? "member") : enumLabel("role", invitation.role);
  const common = {
    mailId: crypto.randomUUID(),
    agencyDomain: ctx.agency.mailDomain,
    agencyName: ctx.agency.name,
    to: invitation.email,
    locale: invitation.locale,
    inviteeName: invitation.displayName,
    invitedBy: ctx.user.displayName,
    company: inviter.company,
    role,
  };
  const mail = taken
    ? composeInvitationMail({ ...common, kind: "taken" })
    : composeInvitationMail({ ...common, kind: "link", link: invitationLink(linkOrigin(ctx), token), expiresAt: new Date(invitation.expiresAt) });
  await queueMail(trx, mail, { kind: "invitation", nextAttemptAt: now.toISOString() });
}

/** How often an invitation that lost the race for its address runs again before it gives up. */
const INVITE_ATTEMPTS = 8;

/**
 * Runs `fn`, which invites, in a transaction of its own. Two invitations of one address at the
 * same moment (PostgreSQL) each find no open one to revoke; the index `invitations_one_open` lets
 * the first in and fails the other, which then runs again: now it revokes the first's link and
 * sends its own, as if it had come second. Every inviter gets the pending answer, and only the
 * newest link works. Inside a caller's transaction there is no running again: the loser is
 * answered CHANGED_MEANWHILE.
 */
export async function inTransactionInviting<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, fn);
    } catch (error) {
      if (db.isTransaction || attempt >= INVITE_ATTEMPTS || !isUniqueViolation(error, OPEN_INVITATION)) throw error;
    }
  }
}

/** Creates the invitation and queues its mail; the caller holds the transaction (`inTransactionInviting`). */
export async function invite(trx: Executor, ctx: InviterContext, input: NewInvitation, inviter: Inviter): Promise<InvitationView> {
  const now = ctx.clock();
  const scope: InvitationScope = input.contractId;
  const existing = await findUserByEmail(trx, input.email);
  const sameTenant = existing !== undefined && (scope === null ? existing.role !== "client" : existing.contractId === scope);
  if (sameTenant) throw fieldRefusal("email", "EMAIL_ALREADY_USER");
  if (input.mailbox !== null) {
    // Staff only, and only a supervisor invites staff: mailboxes are no secret to them (R2).
    const holder = (await findUserByMailbox(trx, input.mailbox)) ?? (await findPendingMailboxInvitation(trx, input.mailbox, now.toISOString()));
    if (holder && holder.email !== input.email) throw fieldRefusal("mailbox", "MAILBOX_TAKEN");
  }
  // Inviting an address again replaces its open invitation here: only the newest link works.
  await revokeOpenInvitationsFor(trx, scope, input.email, now.toISOString());
  const { token, tokenHash } = newToken(ctx.cookieSecret);
  const invitation = await insertInvitation(trx, {
    ...input,
    tokenHash,
    invitedBy: ctx.user.id,
    createdAt: now.toISOString(),
    expiresAt: invitationExpiresAt(now).toISOString(),
  });
  await queueInvitationMail(trx, ctx, invitation, token, inviter);
  // Which mail went out is left out: the audit log is read by people who should not learn it either.
  await audit(trx, ctx, { action: "invitation.create", entity: "invitation", entityId: invitation.id, contractId: scope, detail: { email: invitation.email, role: invitation.role } });
  return invitationView(invitation, now);
}

/** A new link for an open invitation (the old one stops working), and a new mail. */
export async function resendInvitation(trx: Executor, ctx: InviterContext, scope: InvitationScope, id: string, inviter: Inviter): Promise<InvitationView> {
  const now = ctx.clock();
  const { token, tokenHash } = newToken(ctx.cookieSecret);
  const invitation = (await renewInvitation(trx, scope, id, { tokenHash, expiresAt: invitationExpiresAt(now).toISOString() })) ?? refuse("NOT_FOUND");
  await queueInvitationMail(trx, ctx, invitation, token, inviter);
  await audit(trx, ctx, { action: "invitation.resend", entity: "invitation", entityId: id, contractId: scope, detail: { email: invitation.email } });
  return invitationView(invitation, now);
}

export async function withdrawInvitation(trx: Executor, ctx: InviterContext, scope: InvitationScope, id: string): Promise<InvitationView> {
  const now = ctx.clock();
  const invitation = (await revokeInvitation(trx, scope, id, now.toISOString())) ?? refuse("NOT_FOUND");
  await audit(trx, ctx, { action: "invitation.revoke", entity: "invitation", entityId: id, contractId: scope, detail: { email: invitation.email } });
  return invitationView(invitation, now);
}

export async function openInvitations(db: Executor, ctx: Context, scope: InvitationScope): Promise<InvitationView[]> {
  const now = ctx.clock();
  return (await listOpenInvitations(db, scope)).map((invitation) => invitationView(invitation, now));
}
