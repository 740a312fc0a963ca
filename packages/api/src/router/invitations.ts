import type { TRPCRouterRecord } from "@trpc/server";
import { homeOf, invitationAcceptSchema, invitationInspectSchema, invitationStatus, refuse } from "@uketsuke/domain";
import {
  claimInvitation,
  conflictOf,
  deleteLoginAttempt,
  findInvitationByTokenHash,
  findUserByEmail,
  findUserByMailbox,
  insertAudit,
  insertUser,
  inTransaction,
  markLoginAttemptSucceeded,
  type InvitationForInvitee,
} from "@uketsuke/db";
import { passwordHashing } from "../auth/hashing-gate.ts";
import { admitLoginAttempt, LOGIN_LIMITS } from "../auth/login-throttle.ts";
import { hashPassword } from "../auth/password.ts";
import { startSession } from "../auth/start-session.ts";
import type { Context } from "../context.ts";
import { invitationTokenHash } from "../services/invitations.ts";
import { publicProcedure } from "../trpc.ts";

/**
 * Tokens are tried under the sign-in limits, counted as attempts on this one name: a client that
 * keeps presenting bad links is slowed down like one guessing passwords (the 256-bit token makes
 * guessing hopeless anyway; the limit keeps the look-ups and the hashing cheap to refuse).
 */
const ATTEMPT_NAME = "(invitation link)";

type Admitted = { attemptId: string; tokenHash: string; invitation: InvitationForInvitee };

/** Throttled like auth.login; a link that is unknown, used, revoked or expired is one refusal. */
async function admitToken(ctx: Context, token: string, now: Date): Promise<Admitted> {
  const admission = await admitLoginAttempt(ctx.db, { email: ATTEMPT_NAME, ip: ctx.ip, now });
  if (!admission.admitted) return refuse("LOGIN_THROTTLED", { minutes: LOGIN_LIMITS.windowMinutes });
  const tokenHash = invitationTokenHash(token, ctx.cookieSecret);
  const invitation = await findInvitationByTokenHash(ctx.db, tokenHash);
  if (!invitation || invitationStatus(invitation, now) !== "pending") return refuse("INVITATION_INVALID");
  return { attemptId: admission.attemptId, tokenHash, invitation };
}

/** The public end of an invitation: the page the link opens. */
export const invitationsRouter = {
  /** Who invites whom, to show before the invitee sets a password. */
  inspect: publicProcedure.input(invitationInspectSchema).query(async ({ ctx, input }) => {
    const now = ctx.clock();
    const { attemptId, invitation } = await admitToken(ctx, input.token, now);
    await markLoginAttemptSucceeded(ctx.db, attemptId);
    return {
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      clientRole: invitation.clientRole,
      locale: invitation.locale,
      company: invitation.legalEntityName ?? ctx.agency.name,
      invitedByName: invitation.invitedByName,
      expiresAt: invitation.expiresAt,
    };
  }),

  /**
   * Creates the user and signs them in. The invitation is claimed by one conditional UPDATE in
   * the user's transaction: of two accepts at once one creates the user, the other is told the
   * link is no longer valid; an address taken meanwhile (another contract's invitation accepted
   * first) rolls the claim back and says so.
   */
  accept: publicProcedure.input(invitationAcceptSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    const { attemptId, tokenHash } = await admitToken(ctx, input.token, now);
    let passwordHash: string;
    try {
      // Hashed before the transaction, which on SQLite holds the one connection.
      passwordHash = await passwordHashing.run(ctx.ip, () => hashPassword(input.password));
    } catch (error) {
      await deleteLoginAttempt(ctx.db, attemptId);
      throw error;
    }
    const user = await inTransaction(ctx.db, async (trx) => {
      const invitation = (await claimInvitation(trx, tokenHash, now.toISOString())) ?? refuse("INVITATION_INVALID");
      if (await findUserByEmail(trx, invitation.email)) return refuse("INVITATION_EMAIL_TAKEN");
      if (invitation.mailbox !== null && (await findUserByMailbox(trx, invitation.mailbox))) return refuse("MAILBOX_TAKEN");
      const created = await insertUser(trx, {
        email: invitation.email,
        passwordHash,
        displayName: input.displayName ?? invitation.displayName,
        role: invitation.role,
        contractId: invitation.contractId,
        clientRole: invitation.clientRole,
        mailbox: invitation.mailbox,
        locale: invitation.locale,
      }).catch((error: unknown) => {
        const conflict = conflictOf(error);
        if (conflict?.code === "EMAIL_TAKEN") return refuse("INVITATION_EMAIL_TAKEN");
        throw conflict ?? error;
      });
      await insertAudit(trx, {
        at: now.toISOString(),
        actorUserId: created.id,
        actorRole: created.role,
        contractId: created.contractId,
        action: "invitation.accept",
        entity: "invitation",
        entityId: invitation.id,
        detail: { userId: created.id, email: created.email },
      });
      return created;
    });
    await markLoginAttemptSucceeded(ctx.db, attemptId);
    const expiresAt = await startSession(ctx, user.id, now);
    return { user, expiresAt, home: homeOf(user.role) };
  }),
} satisfies TRPCRouterRecord;
