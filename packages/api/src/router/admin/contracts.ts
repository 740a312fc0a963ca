import type { TRPCRouterRecord } from "@trpc/server";
import { byIdSchema, contractInputSchema, contractNumberByIdSchema, contractUpdateByIdSchema } from "@uketsuke/domain";
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
import { fail } from "../../errors.ts";
import { supervisorProcedure } from "../../trpc.ts";

export const adminContractsRouter = {
  list: supervisorProcedure.query(({ ctx }) => listContracts(ctx.db)),

  get: supervisorProcedure.input(byIdSchema).query(async ({ ctx, input }) => (await getContract(ctx.db, input.id)) ?? fail("NOT_FOUND")),

  /** R10: one legal entity and one answer name, enforced by the schema. */
  create: supervisorProcedure.input(contractInputSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      for (const number of input.numbers) if (await findContractByNumber(trx, number)) return fail("NUMBER_TAKEN");
      const contract = await insertContract(trx, {
        agency_id: ctx.agency.id,
        legal_entity_name: input.legalEntityName,
        answer_name: input.answerName,
        script: input.script,
        numbers: [...new Set(input.numbers)],
      });
      await audit(trx, ctx, { action: "contract.create", entity: "contract", entityId: contract.id, contractId: contract.id, detail: { legalEntityName: contract.legal_entity_name } });
      return contract;
    }),
  ),

  update: supervisorProcedure.input(contractUpdateByIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const { id, answerName, script, status } = input;
      const contract = await updateContract(trx, id, {
        ...(answerName !== undefined ? { answer_name: answerName } : {}),
        ...(script !== undefined ? { script } : {}),
        ...(status !== undefined ? { status } : {}),
      });
      if (!contract) return fail("NOT_FOUND");
      await audit(trx, ctx, { action: "contract.update", entity: "contract", entityId: id, contractId: id, detail: { answerName, status } });
      return contract;
    }),
  ),

  addNumber: supervisorProcedure.input(contractNumberByIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (!(await getContract(trx, input.id))) return fail("NOT_FOUND");
      if (!(await addContractNumber(trx, input.id, input.number))) return fail("NUMBER_TAKEN");
      await audit(trx, ctx, { action: "contract.add_number", entity: "contract", entityId: input.id, contractId: input.id, detail: { number: input.number } });
      return { ok: true as const };
    }),
  ),

  removeNumber: supervisorProcedure.input(contractNumberByIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      if (!(await removeContractNumber(trx, input.id, input.number))) return fail("NOT_FOUND");
      await audit(trx, ctx, { action: "contract.remove_number", entity: "contract", entityId: input.id, contractId: input.id, detail: { number: input.number } });
      return { ok: true as const };
    }),
  ),
} satisfies TRPCRouterRecord;
