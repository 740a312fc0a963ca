import type { TRPCRouterRecord } from "@trpc/server";
import {
  clientUserCreateSchema,
  contractInvitationRefSchema,
  contractScopedSchema,
  invitationRefSchema,
  passwordResetSchema,
  refuse,
  setDisabledSchema,
  staffInputSchema,
} from "@uketsuke/domain";
import { getContract, getUserById, inTransaction, listClientUsers, listStaff, updateUser, type Executor } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { hashPassword } from "../../auth/password.ts";
import type { Context } from "../../context.ts";
import { invite, inTransactionInviting, openInvitations, resendInvitation, withdrawInvitation, type Inviter } from "../../services/invitations.ts";
import { supervisorProcedure } from "../../trpc.ts";

async function contractInviter(trx: Executor, contractId: string): Promise<Inviter> {
  const contract = (await getContract(trx, contractId)) ?? refuse("NOT_FOUND");
  return { company: contract.legalEntityName };
}

const agencyInviter = (ctx: Context): Inviter => ({ company: ctx.agency.name });

export const adminClientUsersRouter = {
  list: supervisorProcedure
    .input(contractScopedSchema)
    .query(({ ctx, input }) => listClientUsers(ctx.db, input.contractId)),

  /** Invites a client user to a contract: a pending invitation, the same answer for any address (issue 7). */
  create: supervisorProcedure.input(clientUserCreateSchema).mutation(({ ctx, input }) =>
    inTransactionInviting(ctx.db, async (trx) => {
      const { contractId, ...person } = input;
      const inviter = await contractInviter(trx, contractId);
      return invite(trx, ctx, { ...person, role: "client", contractId, mailbox: null }, inviter);
    }),
  ),

  invitations: supervisorProcedure.input(contractScopedSchema).query(({ ctx, input }) => openInvitations(ctx.db, ctx, input.contractId)),

  resendInvitation: supervisorProcedure.input(contractInvitationRefSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => resendInvitation(trx, ctx, input.contractId, input.id, await contractInviter(trx, input.contractId))),
  ),

  revokeInvitation: supervisorProcedure.input(contractInvitationRefSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, (trx) => withdrawInvitation(trx, ctx, input.contractId, input.id)),
  ),

  /** A new first password for a client user, to pass on by phone; every session of theirs ends. */
  resetPassword: supervisorProcedure.input(passwordResetSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx.db, async (trx) => {
      const existing = await getUserById(trx, input.id);
      if (!existing || existing.role !== "client") return refuse("NOT_FOUND");
      const user = (await updateUser(trx, input.id, { passwordHash })) ?? refuse("NOT_FOUND");
      await audit(trx, ctx, { action: "client_user.reset_password", entity: "user", entityId: user.id, contractId: user.contractId });
      return user;
    });
  }),
} satisfies TRPCRouterRecord;

/** Operators and supervisors. An operator's mailbox is their sender address's local part (R2). */
export const adminStaffRouter = {
  list: supervisorProcedure.query(({ ctx }) => listStaff(ctx.db)),

  /** Invites an operator or a supervisor; the mailbox is theirs once they accept (R2). */
  create: supervisorProcedure.input(staffInputSchema).mutation(({ ctx, input }) =>
    inTransactionInviting(ctx.db, (trx) => invite(trx, ctx, { ...input, contractId: null, clientRole: null }, agencyInviter(ctx))),
  ),

  invitations: supervisorProcedure.query(({ ctx }) => openInvitations(ctx.db, ctx, null)),

  resendInvitation: supervisorProcedure.input(invitationRefSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, (trx) => resendInvitation(trx, ctx, null, input.id, agencyInviter(ctx))),
  ),

  revokeInvitation: supervisorProcedure.input(invitationRefSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, (trx) => withdrawInvitation(trx, ctx, null, input.id)),
  ),

  /** Disable or enable any user (staff or client); a supervisor cannot lock themself out. */
  setDisabled: supervisorProcedure.input(setDisabledSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (input.id === ctx.user.id) return refuse("FORBIDDEN");
      const user = await updateUser(trx, input.id, { disabledAt: input.disabled ? ctx.clock().toISOString() : null });
      if (!user) return refuse("NOT_FOUND");
      await audit(trx, ctx, { action: input.disabled ? "user.disable" : "user.enable", entity: "user", entityId: user.id, contractId: user.contractId });
      return user;
    }),
  ),
} satisfies TRPCRouterRecord;
