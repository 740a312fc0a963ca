import type { TRPCRouterRecord } from "@trpc/server";
import type { z } from "zod";
import { byIdSchema, wrongNumberEntryInputSchema, wrongNumberEntryUpdateSchema } from "@uketsuke/domain";
import { insertWrongNumber, inTransaction, listWrongNumbers, removeWrongNumber, updateWrongNumber } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { fail } from "../../errors.ts";
import { clientProcedure } from "../../trpc.ts";

const toRow = (input: z.output<typeof wrongNumberEntryInputSchema>) => ({
  company_name: input.companyName,
  company_name_kana: input.companyNameKana ?? null,
  numbers: input.numbers,
  typical_calls: input.typicalCalls,
});

/** R6: the companies callers confuse this client with (Q6 asks for name, numbers, typical calls). */
export const registryRouter = {
  list: clientProcedure.query(({ ctx }) => listWrongNumbers(ctx.db, ctx.contractId)),

  add: clientProcedure.input(wrongNumberEntryInputSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const entry = await insertWrongNumber(trx, ctx.contractId, toRow(input));
      await audit(trx, ctx, { action: "registry.add", entity: "wrong_number_entry", entityId: entry.id, contractId: ctx.contractId, detail: { companyName: entry.company_name } });
      return entry;
    }),
  ),

  update: clientProcedure.input(wrongNumberEntryUpdateSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const entry = await updateWrongNumber(trx, ctx.contractId, input.id, toRow(input));
      if (!entry) return fail("NOT_FOUND");
      await audit(trx, ctx, { action: "registry.update", entity: "wrong_number_entry", entityId: entry.id, contractId: ctx.contractId });
      return entry;
    }),
  ),

  remove: clientProcedure.input(byIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (!(await removeWrongNumber(trx, ctx.contractId, input.id))) return fail("NOT_FOUND");
      await audit(trx, ctx, { action: "registry.remove", entity: "wrong_number_entry", entityId: input.id, contractId: ctx.contractId });
      return { ok: true as const };
    }),
  ),
} satisfies TRPCRouterRecord;
