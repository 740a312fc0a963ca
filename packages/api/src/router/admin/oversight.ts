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

export const adminOversightRouter = {
  audit: supervisorProcedure.input(auditFilterSchema).query(({ ctx, input }) => listAudit(ctx.db, input)),

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
