import type { TRPCRouterRecord } from "@trpc/server";
import { byIdSchema, refuse, wrongNumberInputSchema, wrongNumberUpdateSchema } from "@uketsuke/domain";
import { insertWrongNumber, inTransaction, listWrongNumbers, removeWrongNumber, updateWrongNumber } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { clientProcedure } from "../../trpc.ts";

/** R6: the companies callers confuse this client with (Q6 asks for name, numbers, typical calls). */
export const wrongNumbersRouter = {
  list: clientProcedure.query(({ ctx }) => listWrongNumbers(ctx.db, ctx.contractId)),

  add: clientProcedure.input(wrongNumberInputSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const entry = await insertWrongNumber(trx, ctx.contractId, input);
      await audit(trx, ctx, { action: "wrong_number.add", entity: "wrong_number_entry", entityId: entry.id, contractId: ctx.contractId, detail: { companyName: entry.companyName } });
      return entry;
    }),
  ),

  update: clientProcedure.input(wrongNumberUpdateSchema).mutation(({ ctx, input }) => {
    const { id, ...fields } = input;
    return inTransaction(ctx.db, async (trx) => {
      const entry = await updateWrongNumber(trx, ctx.contractId, id, fields);
      if (!entry) return refuse("NOT_FOUND");
      await audit(trx, ctx, { action: "wrong_number.update", entity: "wrong_number_entry", entityId: entry.id, contractId: ctx.contractId });
      return entry;
    });
  }),

  remove: clientProcedure.input(byIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (!(await removeWrongNumber(trx, ctx.contractId, input.id))) return refuse("NOT_FOUND");
      await audit(trx, ctx, { action: "wrong_number.remove", entity: "wrong_number_entry", entityId: input.id, contractId: ctx.contractId });
      return { ok: true as const };
    }),
  ),
} satisfies TRPCRouterRecord;
