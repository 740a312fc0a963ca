import type { TRPCRouterRecord } from "@trpc/server";
import {
  billingInputSchema,
  CALL_OUTCOMES,
  lastDays,
  monthPeriod,
  startOfTokyoDay,
  tokyoDate,
  tokyoDatesIn,
  tokyoHour,
  tokyoWeekday,
  type InstantRange,
} from "@uketsuke/domain";
import {
  answerWaits,
  callsByHour,
  listRinging,
  operatorsOnCall,
  rangeFigures,
  withContractNames,
  withOperatorNames,
  type CallHour,
  type Executor,
} from "@uketsuke/db";
import type { Context } from "../../context.ts";
import { eventsFor } from "../../events/subscribe.ts";
import { supervisorProcedure } from "../../trpc.ts";
import { speedOfAnswer } from "./speed-of-answer.ts";

/** How far back the figures page looks, in Tokyo days (today included). */
export const FIGURE_DAYS = 30;

type Counts = { calls: number; answered: number; missed: number; closed: number };
const zero = (): Counts => ({ calls: 0, answered: 0, missed: 0, closed: 0 });
const add = (into: Counts, hour: Counts) => {
  into.calls += hour.calls;
  into.answered += hour.answered;
  into.missed += hour.missed;
  into.closed += hour.closed;
};

/** UTC hours into Tokyo days, weekdays and hours (Japan's offset is whole hours, with no daylight saving). */
function byTokyoCalendar(range: InstantRange, hours: readonly CallHour[]) {
  const days = new Map(tokyoDatesIn(range).map((date) => [date, zero()]));
  // heatmap[weekday][hour]: 0 = Sunday, as the domain counts weekdays.
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const totals = zero();
  for (const hour of hours) {
    const instant = new Date(`${hour.hour}:00:00.000Z`);
    const day = days.get(tokyoDate(instant));
    if (day) add(day, hour);
    const weekday = heatmap[tokyoWeekday(instant)] as number[];
    weekday[tokyoHour(instant)] = (weekday[tokyoHour(instant)] ?? 0) + hour.calls;
    add(totals, hour);
  }
  return { days: [...days].map(([date, counts]) => ({ date, ...counts })), heatmap, totals };
}

/** Calls today (Tokyo) so far and how fast they were answered: the wallboard's bottom line. */
async function today(db: Executor, now: Date) {
  const range = { from: startOfTokyoDay(now).toISOString(), to: new Date(now.getTime() + 1).toISOString() };
  const [hours, waits] = await Promise.all([callsByHour(db, range), answerWaits(db, range)]);
  const totals = zero();
  for (const hour of hours) add(totals, hour);
  return { date: tokyoDate(now), ...totals, speed: speedOfAnswer(waits) };
}

async function wallboard(ctx: Pick<Context, "db" | "clock">) {
  const now = ctx.clock();
  const [ringing, onCall, counts] = await Promise.all([listRinging(ctx.db), operatorsOnCall(ctx.db), today(ctx.db, now)]);
  return {
    at: now.toISOString(),
    ringing: ringing.map((call) => ({ callId: call.id, answerName: call.answerName, fromNumber: call.fromNumber, ringAt: call.ringAt })),
    /** The oldest ringing call's ring time: the longest wait runs from here. */
    longestWaitSince: ringing[0]?.ringAt ?? null,
    onCall,
    today: counts,
  };
}

/** The figures an agency is run by, for supervisors. Agency-wide: operators answer for every contract. */
export const adminFiguresRouter = {
  /** The last 30 Tokyo days: calls per day, weekday × hour, outcomes, per operator, missed, speed of answer. */
  get: supervisorProcedure.query(async ({ ctx }) => {
    const now = ctx.clock();
    const range = lastDays(FIGURE_DAYS, now);
    // Settled days from their kept counts, yesterday and today live: fast with years of history.
    const { hours, waits, operators: answered, outcomes: outcomeRows } = await rangeFigures(ctx.db, range, now);
    const operators = await withOperatorNames(ctx.db, answered);
    // Every outcome, in the vocabulary's order, none left out for having no reports.
    const outcomes = CALL_OUTCOMES.map((outcome) => ({ outcome, reports: outcomeRows.find((r) => r.outcome === outcome)?.reports ?? 0 }));
    return { ...range, ...byTokyoCalendar(range, hours), outcomes, operators, speed: speedOfAnswer(waits) };
  }),

  /** Calls per contract in a Tokyo month: what each client is billed for (the service bills per call). */
  billing: supervisorProcedure.input(billingInputSchema).query(async ({ ctx, input }) => {
    const range = monthPeriod(input.month);
    const contracts = await withContractNames(ctx.db, (await rangeFigures(ctx.db, range, ctx.clock())).contracts);
    return { month: input.month, ...range, contracts };
  }),

  /** The wallboard, live over SSE: a fresh picture whenever a call rings, is answered or ends. */
  wallboard: supervisorProcedure.subscription(async function* ({ ctx, signal }) {
    const changes = eventsFor(ctx.bus, { signal, lastEventId: null, accept: (s) => s.event.type.startsWith("call."), holder: ctx.sessionId });
    // Following the bus before the first picture is read: a call that rings meanwhile is not lost.
    let change = changes.next();
    try {
      yield await wallboard(ctx);
      while (!(await change).done) {
        change = changes.next();
        yield await wallboard(ctx);
      }
    } finally {
      await changes.return(undefined);
    }
  }),
} satisfies TRPCRouterRecord;
