import type { TRPCRouterRecord } from "@trpc/server";
import { byIdSchema, outcomeLabels, refuse, reportFilterSchema } from "@uketsuke/domain";
import { getReport, listReports } from "@uketsuke/db";
import { clientProcedure } from "../../trpc.ts";

export const reportsRouter = {
  /** Newest first; `q` is a substring search (Japanese included) over caller, person and message. */
  list: clientProcedure.input(reportFilterSchema).query(({ ctx, input }) => listReports(ctx.db, ctx.contractId, input)),

  /** One report, as it was mailed. */
  get: clientProcedure.input(byIdSchema).query(async ({ ctx, input }) => {
    const report = await getReport(ctx.db, ctx.contractId, input.id);
    if (!report) return refuse("NOT_FOUND");
    return { ...report, outcomeLabel: outcomeLabels[report.outcome] };
  }),
} satisfies TRPCRouterRecord;
