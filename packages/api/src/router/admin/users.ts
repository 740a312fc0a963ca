import type { TRPCRouterRecord } from "@trpc/server";
import { clientUserCreateSchema, contractScopedSchema, passwordResetSchema, refuse, setDisabledSchema, staffInputSchema } from "@uketsuke/domain";
import { getContract, getUserById, inTransaction, listClientUsers, listStaff, updateUser } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { hashPassword } from "../../auth/password.ts";
import { createUser } from "../../services/users.ts";
import { supervisorProcedure } from "../../trpc.ts";

export const adminClientUsersRouter = {
  list: supervisorProcedure
    .input(contractScopedSchema)
    .query(({ ctx, input }) => listClientUsers(ctx.db, input.contractId)),

  create: supervisorProcedure.input(clientUserCreateSchema).mutation(async ({ ctx, input }) => {
    // Hashed before the transaction: on SQLite it holds the one connection, and every other
    // request would wait out the hash.
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx.db, async (trx) => {
      if (!(await getContract(trx, input.contractId))) return refuse("NOT_FOUND");
      const user = await createUser(trx, { ...input, role: "client", passwordHash });
      await audit(trx, ctx, { action: "client_user.create", entity: "user", entityId: user.id, contractId: input.contractId, detail: { email: user.email } });
      return user;
    });
  }),

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

  create: supervisorProcedure.input(staffInputSchema).mutation(async ({ ctx, input }) => {
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx.db, async (trx) => {
      const user = await createUser(trx, { ...input, passwordHash });
      await audit(trx, ctx, { action: "staff.create", entity: "user", entityId: user.id, detail: { email: user.email, role: user.role, mailbox: user.mailbox } });
      return user;
    });
  }),

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
