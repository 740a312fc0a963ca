import type { TRPCRouterRecord } from "@trpc/server";
import {
  assertCanRemove,
  assertReportAddress,
  byIdSchema,
  refuse,
  reorderRoster,
  rosterMemberInputSchema,
  rosterMemberUpdateSchema,
  rosterReorderSchema,
} from "@uketsuke/domain";
import {
  getRosterMember,
  insertRosterMember,
  inTransaction,
  listRoster,
  removeRosterMember,
  saveRosterOrder,
  updateRosterMember,
} from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { clientProcedure } from "../../trpc.ts";

/** R7: the ordered roster; position 1 receives every call that names no one. */
export const rosterRouter = {
  list: clientProcedure.query(({ ctx }) => listRoster(ctx.db, ctx.contractId)),

  add: clientProcedure.input(rosterMemberInputSchema).mutation(async ({ ctx, input }) => {
    assertReportAddress(input, ctx.agency.mailDomain);
    return inTransaction(ctx.db, async (trx) => {
      const member = await insertRosterMember(trx, ctx.contractId, input);
      await audit(trx, ctx, { action: "roster.add", entity: "roster_member", entityId: member.id, contractId: ctx.contractId, detail: { name: member.name } });
      return member;
    });
  }),

  update: clientProcedure
    .input(rosterMemberUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      assertReportAddress(input, ctx.agency.mailDomain);
      const { id, ...fields } = input;
      return inTransaction(ctx.db, async (trx) => {
        const member = await updateRosterMember(trx, ctx.contractId, id, fields);
        if (!member) return refuse("NOT_FOUND");
        await audit(trx, ctx, { action: "roster.update", entity: "roster_member", entityId: member.id, contractId: ctx.contractId });
        return member;
      });
    }),

  remove: clientProcedure.input(byIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const roster = await listRoster(trx, ctx.contractId);
      assertCanRemove(roster, input.id);
      const member = await getRosterMember(trx, ctx.contractId, input.id);
      if (!member || !(await removeRosterMember(trx, ctx.contractId, input.id))) return refuse("NOT_FOUND");
      await audit(trx, ctx, { action: "roster.remove", entity: "roster_member", entityId: input.id, contractId: ctx.contractId, detail: { name: member.name } });
      return { ok: true as const };
    }),
  ),

  reorder: clientProcedure.input(rosterReorderSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const roster = await listRoster(trx, ctx.contractId);
      reorderRoster(roster, input.orderedIds);
      await saveRosterOrder(trx, ctx.contractId, input.orderedIds);
      await audit(trx, ctx, { action: "roster.reorder", entity: "roster", contractId: ctx.contractId, detail: { orderedIds: input.orderedIds } });
      return listRoster(trx, ctx.contractId);
    }),
  ),
} satisfies TRPCRouterRecord;
