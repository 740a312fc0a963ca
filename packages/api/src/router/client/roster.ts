import type { TRPCRouterRecord } from "@trpc/server";
import {
  assertCanRemove,
  assertReportAddress,
  byIdSchema,
  composeRoutingNotice,
  refuse,
  reorderRoster,
  rosterMemberInputSchema,
  rosterMemberUpdateSchema,
  rosterReorderSchema,
  type RoutingChange,
} from "@uketsuke/domain";
import {
  getRosterMember,
  insertRosterMember,
  inTransaction,
  listClientUsers,
  listRoster,
  queueMail,
  removeRosterMember,
  saveRosterOrder,
  updateRosterMember,
  type Executor,
  type RosterMemberRow,
} from "@uketsuke/db";
import { audit } from "../../audit.ts";
import type { Context } from "../../context.ts";
import { clientOwnerProcedure, clientProcedure } from "../../trpc.ts";

type OwnerContext = Context & { contractId: string; user: { id: string; displayName: string } };

/**
 * Where reports go is the owner's to decide: every change is audited and, in the same
 * transaction, a notice is queued to each owner of the contract, so an address slipped in (or
 * a new person at position 1, who receives every call that names no one) never goes unnoticed.
 */
async function recordRoutingChange(
  trx: Executor,
  ctx: OwnerContext,
  change: RoutingChange,
  entry: { action: string; entity: string; entityId?: string; detail: Record<string, unknown> },
  member?: { name: string; reportAddress: string },
) {
  const logged = await audit(trx, ctx, { ...entry, contractId: ctx.contractId });
  const roster = await listRoster(trx, ctx.contractId);
  const owners = (await listClientUsers(trx, ctx.contractId)).filter((u) => u.clientRole === "owner" && u.disabledAt === null);
  const at = ctx.clock();
  for (const owner of owners) {
    const mail = composeRoutingNotice({
      noticeId: `${logged.id}.${owner.id}`,
      agencyDomain: ctx.agency.mailDomain,
      ownerName: owner.displayName,
      ownerAddress: owner.email,
      change,
      changedBy: ctx.user.displayName,
      at,
      member: member && { name: member.name, address: member.reportAddress },
      roster: roster.map((m) => ({ name: m.name, address: m.reportAddress })),
    });
    await queueMail(trx, mail, { kind: "notice", nextAttemptAt: at.toISOString() });
  }
}

const addressOf = (m: Pick<RosterMemberRow, "reportAddress" | "addressKind" | "listPolicy">) => `${m.reportAddress}|${m.addressKind}|${m.listPolicy ?? ""}`;

/** The audit row of a member added or removed: who, and where their reports went. */
const memberEntry = (action: "roster.add" | "roster.remove", member: RosterMemberRow) => ({
  action,
  entity: "roster_member",
  entityId: member.id,
  detail: { name: member.name, reportAddress: member.reportAddress },
});

/** R7: the ordered roster; position 1 receives every call that names no one. Members read it; the owner changes it. */
export const rosterRouter = {
  list: clientProcedure.query(({ ctx }) => listRoster(ctx.db, ctx.contractId)),

  add: clientOwnerProcedure.input(rosterMemberInputSchema).mutation(async ({ ctx, input }) => {
    assertReportAddress(input, ctx.agency.mailDomain);
    return inTransaction(ctx.db, async (trx) => {
      const member = await insertRosterMember(trx, ctx.contractId, input);
      await recordRoutingChange(trx, ctx, "added", memberEntry("roster.add", member), member);
      return member;
    });
  }),

  update: clientOwnerProcedure.input(rosterMemberUpdateSchema).mutation(async ({ ctx, input }) => {
    assertReportAddress(input, ctx.agency.mailDomain);
    const { id, ...fields } = input;
    return inTransaction(ctx.db, async (trx) => {
      const before = await getRosterMember(trx, ctx.contractId, id);
      const member = before && (await updateRosterMember(trx, ctx.contractId, id, fields));
      if (!before || !member) return refuse("NOT_FOUND");
      const entry = { action: "roster.update", entity: "roster_member", entityId: member.id, detail: { name: member.name, from: before.reportAddress, to: member.reportAddress } };
      // A new name or reading changes no one's mail: audited, but no notice.
      if (addressOf(before) !== addressOf(member)) await recordRoutingChange(trx, ctx, "updated", entry, member);
      else await audit(trx, ctx, { ...entry, contractId: ctx.contractId });
      return member;
    });
  }),

  remove: clientOwnerProcedure.input(byIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const roster = await listRoster(trx, ctx.contractId);
      assertCanRemove(roster, input.id);
      const member = await getRosterMember(trx, ctx.contractId, input.id);
      if (!member || !(await removeRosterMember(trx, ctx.contractId, input.id))) return refuse("NOT_FOUND");
      await recordRoutingChange(trx, ctx, "removed", memberEntry("roster.remove", member), member);
      return { ok: true as const };
    }),
  ),

  reorder: clientOwnerProcedure.input(rosterReorderSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const roster = await listRoster(trx, ctx.contractId);
      reorderRoster(roster, input.orderedIds);
      await saveRosterOrder(trx, ctx.contractId, input.orderedIds);
      const entry = { action: "roster.reorder", entity: "roster", detail: { orderedIds: input.orderedIds } };
      // Only a new person at position 1 changes where anyone's reports go (calls that name no one).
      if (roster[0]?.id !== input.orderedIds[0]) await recordRoutingChange(trx, ctx, "reordered", entry);
      else await audit(trx, ctx, { ...entry, contractId: ctx.contractId });
      return listRoster(trx, ctx.contractId);
    }),
  ),
} satisfies TRPCRouterRecord;
