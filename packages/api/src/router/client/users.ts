import type { TRPCRouterRecord } from "@trpc/server";
import { clientUserInputSchema, setDisabledSchema } from "@uketsuke/domain";
import { inTransaction, listClientUsers, updateClientUser } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { hashPassword } from "../../auth/password.ts";
import { publicUser } from "../../dto.ts";
import { fail } from "../../errors.ts";
import { createUser } from "../../services/users.ts";
import { clientOwnerProcedure, clientProcedure } from "../../trpc.ts";

export const clientUsersRouter = {
  list: clientProcedure.query(async ({ ctx }) => (await listClientUsers(ctx.db, ctx.contractId)).map(publicUser)),

  add: clientOwnerProcedure.input(clientUserInputSchema).mutation(async ({ ctx, input }) => {
    // Hashed before the transaction, which on SQLite holds the one connection.
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx.db, async (trx) => {
      const user = await createUser(trx, { ...input, role: "client", contractId: ctx.contractId, passwordHash });
      await audit(trx, ctx, { action: "client_user.add", entity: "user", entityId: user.id, contractId: ctx.contractId, detail: { email: user.email } });
      return publicUser(user);
    });
  }),

  setDisabled: clientOwnerProcedure
    .input(setDisabledSchema)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx.db, async (trx) => {
        if (input.id === ctx.user.id) return fail("FORBIDDEN");
        const user = await updateClientUser(trx, ctx.contractId, input.id, {
          disabled_at: input.disabled ? ctx.clock().toISOString() : null,
        });
        if (!user) return fail("NOT_FOUND");
        await audit(trx, ctx, { action: input.disabled ? "client_user.disable" : "client_user.enable", entity: "user", entityId: user.id, contractId: ctx.contractId });
        return publicUser(user);
      }),
    ),
} satisfies TRPCRouterRecord;
