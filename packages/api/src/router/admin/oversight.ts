import type { TRPCRouterRecord } from "@trpc/server";
import { auditFilterSchema, startOfTokyoDay, statsInputSchema } from "@uketsuke/domain";
import {
  countReportsByContract,
  listAudit,
  listContracts,
  listMissed,
  listOpenCallbacksAll,
  listOutbox,
  listRinging,
} from "@uketsuke/db";
import { supervisorProcedure } from "../../trpc.ts";

/** `at|id` of the last entry of a page; anything else starts from the newest. */
function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  const bar = cursor.indexOf("|");
  return bar < 0 ? undefined : { at: cursor.slice(0, bar), id: cursor.slice(bar + 1) };
}

export const adminOversightRouter = {
  /** Every change, newest first, by who, what, contract and time; a page at a time. */
  audit: supervisorProcedure.input(auditFilterSchema).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    const before = cursor ? decodeCursor(cursor) : undefined;
    const entries = await listAudit(ctx.db, { ...filter, ...(before ? { before } : {}), limit: limit + 1 });
    const page = entries.slice(0, limit);
    const last = page.at(-1);
    return { entries: page, nextCursor: entries.length > limit && last ? `${last.at}|${last.id}` : null };
  }),

  /** Calls that rang and were hung up before anyone answered. */
  missedCalls: supervisorProcedure.query(({ ctx }) => listMissed(ctx.db, { limit: 200 })),

  /** Today's (Tokyo) picture, or any range: reports per contract and outcome, queues, mail. */
  stats: supervisorProcedure.input(statsInputSchema).query(async ({ ctx, input }) => {
    const now = ctx.clock();
    const range = { from: input.from ?? startOfTokyoDay(now).toISOString(), ...(input.to ? { to: input.to } : {}) };
    const [byContract, contracts, ringing, openCallbacks, missed, failedMail, pendingMail] = await Promise.all([
      countReportsByContract(ctx.db, range),
      listContracts(ctx.db),
      listRinging(ctx.db),
      listOpenCallbacksAll(ctx.db),
      listMissed(ctx.db, { sinceIso: range.from }),
      listOutbox(ctx.db, { status: "failed", limit: 500 }),
      listOutbox(ctx.db, { status: "pending", limit: 500 }),
    ]);
    return {
      range,
      reportsByContract: byContract,
      reportsTotal: byContract.reduce((sum, r) => sum + r.count, 0),
      contracts: contracts.length,
      activeContracts: contracts.filter((c) => c.status === "active").length,
      ringing: ringing.length,
      openCallbacks: openCallbacks.length,
      missedCalls: missed.length,
      failedMail: failedMail.length,
      pendingMail: pendingMail.length,
    };
  }),
} satisfies TRPCRouterRecord;
