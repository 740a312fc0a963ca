import type { TRPCRouterRecord } from "@trpc/server";
import { byIdSchema, fromWhom, outcomeLabels, refuse, reportCountSchema, reportFilterSchema } from "@uketsuke/domain";
import {
  countMatchingReports,
  firstReportOpening,
  getReport,
  getReportCallback,
  inTransaction,
  listReportMail,
  listReports,
  REPORT_OPENED,
} from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { clientProcedure } from "../../trpc.ts";
import { reportTimeline } from "./report-timeline.ts";

export const reportsRouter = {
  /**
   * Newest first; `q` is a substring search (Japanese included) over caller, person and message;
   * each report says where its callback stands.
   */
  list: clientProcedure.input(reportFilterSchema).query(({ ctx, input }) => listReports(ctx.db, ctx.contractId, input)),

  /** How many reports a filter matches: the list's total and the CSV export's progress. */
  count: clientProcedure.input(reportCountSchema).query(async ({ ctx, input }) => ({ count: await countMatchingReports(ctx.db, ctx.contractId, input) })),

  /** One report, as it was mailed, with what happened to it since (its timeline). */
  get: clientProcedure.input(byIdSchema).query(async ({ ctx, input }) => {
    const report = await getReport(ctx.db, ctx.contractId, input.id);
    if (!report) return refuse("NOT_FOUND");
    const mails = await listReportMail(ctx.db, ctx.contractId, report.id);
    const opened = await firstReportOpening(ctx.db, ctx.contractId, report.id);
    const callback = await getReportCallback(ctx.db, ctx.contractId, report.id);
    const reportMail = mails.find((mail) => mail.kind === "report");
    return {
      ...report,
      outcomeLabel: outcomeLabels[report.outcome],
      fromWhom: fromWhom({ company: report.callerCompany ?? undefined, name: report.callerName ?? undefined }),
      mail: reportMail ? { from: reportMail.fromAddress, to: reportMail.toAddresses, status: reportMail.status } : null,
      callback: callback ?? null,
      timeline: reportTimeline({ receivedAt: report.receivedAt, mails, opened, callback }),
    };
  }),

  /**
   * The dashboard shows a report: the first time anyone of the client does, it is "opened" on
   * the timeline, with who opened it. Later visits change nothing.
   */
  markOpened: clientProcedure.input(byIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const report = await getReport(trx, ctx.contractId, input.id);
      if (!report) return refuse("NOT_FOUND");
      const earlier = await firstReportOpening(trx, ctx.contractId, report.id);
      if (earlier) return { first: false, at: earlier.at };
      const entry = await audit(trx, ctx, { action: REPORT_OPENED, entity: "report", entityId: report.id, contractId: ctx.contractId });
      return { first: true, at: entry.at };
    }),
  ),
} satisfies TRPCRouterRecord;
