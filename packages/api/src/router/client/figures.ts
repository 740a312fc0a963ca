import type { TRPCRouterRecord } from "@trpc/server";
import { CALL_OUTCOMES, figurePeriod, figuresInputSchema, tokyoDate, tokyoDatesIn, tokyoHour, type CallOutcome } from "@uketsuke/domain";
import { countReports, countReportsByHour } from "@uketsuke/db";
import { clientProcedure } from "../../trpc.ts";

/** Outcomes are values, not keys, on the wire: a list in the vocabulary's order. */
const byOutcome = (count: (outcome: CallOutcome) => number) => CALL_OUTCOMES.map((outcome) => ({ outcome, count: count(outcome) }));

/** The client's own calls, counted: the dashboard's home count and its figures page. */
export const figuresRouter = {
  /** This Tokyo month's calls by outcome (one indexed count, whatever the number of reports). */
  thisMonth: clientProcedure.query(async ({ ctx }) => {
    const range = figurePeriod("thisMonth", ctx.clock());
    const counts = await countReports(ctx.db, ctx.contractId, range);
    return { ...range, total: counts.total, byOutcome: byOutcome((outcome) => counts[outcome]) };
  }),

  /** Calls per Tokyo day (every day of the period, empty ones too), per Tokyo hour, and by outcome. */
  get: clientProcedure.input(figuresInputSchema).query(async ({ ctx, input }) => {
    const range = figurePeriod(input.period, ctx.clock());
    const days = new Map(tokyoDatesIn(range).map((date) => [date, 0]));
    const hours = Array.from({ length: 24 }, () => 0);
    const outcomes = new Map<CallOutcome, number>();
    let total = 0;
    for (const row of await countReportsByHour(ctx.db, ctx.contractId, range)) {
      const at = new Date(`${row.utcHour}:00:00.000Z`);
      const date = tokyoDate(at);
      days.set(date, (days.get(date) ?? 0) + row.count);
      hours[tokyoHour(at)] = (hours[tokyoHour(at)] ?? 0) + row.count;
      outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + row.count);
      total += row.count;
    }
    return {
      period: input.period,
      ...range,
      total,
      days: [...days].map(([date, count]) => ({ date, count })),
      hours: hours.map((count, hour) => ({ hour, count })),
      byOutcome: byOutcome((outcome) => outcomes.get(outcome) ?? 0),
    };
  }),
} satisfies TRPCRouterRecord;
