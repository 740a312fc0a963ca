import type { TRPCRouterRecord } from "@trpc/server";
import {
  byIdSchema,
  contractInputSchema,
  contractNumberByIdSchema,
  contractUpdateByIdSchema,
  fieldRefusal,
  refuse,
} from "@uketsuke/domain";
import {
  addContractNumber,
  findContractByNumber,
  getContract,
  insertContract,
  inTransaction,
  listContracts,
  removeContractNumber,
  updateContract,
} from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { supervisorProcedure } from "../../trpc.ts";

export const adminContractsRouter = {
  list: supervisorProcedure.query(({ ctx }) => listContracts(ctx.db)),

  get: supervisorProcedure.input(byIdSchema).query(async ({ ctx, input }) => (await getContract(ctx.db, input.id)) ?? refuse("NOT_FOUND")),

  /** R10: one legal entity and one answer name, enforced by the schema. */
  create: supervisorProcedure.input(contractInputSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      // The usual case, answered at the number that was typed; a race is decided by the constraint.
      for (const [index, number] of input.numbers.entries()) {
        if (await findContractByNumber(trx, number)) throw fieldRefusal(`numbers.${index}`, "NUMBER_TAKEN");
      }
      const contract = await insertContract(trx, { ...input, agencyId: ctx.agency.id, numbers: [...new Set(input.numbers)] });
      await audit(trx, ctx, { action: "contract.create", entity: "contract", entityId: contract.id, contractId: contract.id, detail: { legalEntityName: contract.legalEntityName } });
      return contract;
    }),
  ),

  update: supervisorProcedure.input(contractUpdateByIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const { id, ...patch } = input;
      const contract = await updateContract(trx, id, patch);
      if (!contract) return refuse("NOT_FOUND");
      await audit(trx, ctx, { action: "contract.update", entity: "contract", entityId: id, contractId: id, detail: { answerName: patch.answerName, status: patch.status } });
      return contract;
    }),
  ),

  addNumber: supervisorProcedure.input(contractNumberByIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (!(await getContract(trx, input.id))) return refuse("NOT_FOUND");
      if (!(await addContractNumber(trx, input.id, input.number))) throw fieldRefusal("number", "NUMBER_TAKEN");
      await audit(trx, ctx, { action: "contract.add_number", entity: "contract", entityId: input.id, contractId: input.id, detail: { number: input.number } });
      return { ok: true as const };
    }),
  ),

  removeNumber: supervisorProcedure.input(contractNumberByIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (!(await removeContractNumber(trx, input.id, input.number))) return refuse("NOT_FOUND");
      await audit(trx, ctx, { action: "contract.remove_number", entity: "contract", entityId: input.id, contractId: input.id, detail: { number: input.number } });
      return { ok: true as const };
    }),
  ),
} satisfies TRPCRouterRecord;
