import type { TRPCRouterRecord } from "@trpc/server";
import { clientUserInputSchema, invitationRefSchema, refuse, setDisabledSchema } from "@uketsuke/domain";
import { getContract, inTransaction, listClientUsers, updateClientUser, type Executor } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { invite, inTransactionInviting, openInvitations, resendInvitation, withdrawInvitation, type Inviter } from "../../services/invitations.ts";
import { clientOwnerProcedure, clientProcedure } from "../../trpc.ts";

async function inviterOf(trx: Executor, contractId: string): Promise<Inviter> {
  const contract = (await getContract(trx, contractId)) ?? refuse("NOT_FOUND");
  return { company: contract.legalEntityName };
}

export const clientUsersRouter = {
  list: clientProcedure.query(({ ctx }) => listClientUsers(ctx.db, ctx.contractId)),

  /**
   * Invites someone of the client: always a pending invitation, the same answer whether the address
   * is free or has an account elsewhere (issue 7). The invitee sets their own password.
   */
  add: clientOwnerProcedure.input(clientUserInputSchema).mutation(({ ctx, input }) =>
    inTransactionInviting(ctx.db, async (trx) =>
      invite(trx, ctx, { ...input, role: "client", contractId: ctx.contractId, mailbox: null }, await inviterOf(trx, ctx.contractId)),
    ),
  ),

  /** Invitations not yet accepted or revoked (pending, and expired ones that can be sent again). */
  invitations: clientOwnerProcedure.query(({ ctx }) => openInvitations(ctx.db, ctx, ctx.contractId)),

  resendInvitation: clientOwnerProcedure.input(invitationRefSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => resendInvitation(trx, ctx, ctx.contractId, input.id, await inviterOf(trx, ctx.contractId))),
  ),

  revokeInvitation: clientOwnerProcedure.input(invitationRefSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, (trx) => withdrawInvitation(trx, ctx, ctx.contractId, input.id)),
  ),

  setDisabled: clientOwnerProcedure
    .input(setDisabledSchema)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx.db, async (trx) => {
        if (input.id === ctx.user.id) return refuse("FORBIDDEN");
        const user = await updateClientUser(trx, ctx.contractId, input.id, {
          disabledAt: input.disabled ? ctx.clock().toISOString() : null,
        });
        if (!user) return refuse("NOT_FOUND");
        await audit(trx, ctx, { action: input.disabled ? "client_user.disable" : "client_user.enable", entity: "user", entityId: user.id, contractId: ctx.contractId });
        return user;
      }),
    ),
} satisfies TRPCRouterRecord;
