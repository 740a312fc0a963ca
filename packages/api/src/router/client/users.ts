import type { TRPCRouterRecord } from "@trpc/server";
import { clientUserInputSchema, refuse, setDisabledSchema } from "@uketsuke/domain";
import { inTransaction, listClientUsers, updateClientUser } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { hashPassword } from "../../auth/password.ts";
import { createUser } from "../../services/users.ts";
import { clientOwnerProcedure, clientProcedure } from "../../trpc.ts";

export const clientUsersRouter = {
  list: clientProcedure.query(({ ctx }) => listClientUsers(ctx.db, ctx.contractId)),

  add: clientOwnerProcedure.input(clientUserInputSchema).mutation(async ({ ctx, input }) => {
    // Hashed before the transaction, which on SQLite holds the one connection.
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx.db, async (trx) => {
      const user = await createUser(trx, { ...input, role: "client", contractId: ctx.contractId, passwordHash });
      await audit(trx, ctx, { action: "client_user.add", entity: "user", entityId: user.id, contractId: ctx.contractId, detail: { email: user.email } });
      return user;
    });
  }),

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
