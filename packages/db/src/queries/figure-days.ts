// The figures of a range of Tokyo days, fast however long the history: a day whose calls can no
// longer change (it ended before yesterday began) is counted once into figure_days /
// figure_day_counts; the range's figures are those kept counts summed, plus live queries for
// yesterday and today. A kept day is checked on every read against what it held when counted
// (its calls, reports and still-ringing calls, three indexed counts over the whole range): a
// late webhook, a report saved days later or a ringing call finally marked missed makes the sums
// differ, and the range's days are counted again.
import { addDays, tokyoDate, tokyoDatesIn, tokyoDayStart, type CallOutcome, type InstantRange, type TokyoDate } from "@uketsuke/domain";
import { inTransaction, toCount, type Executor } from "../executor.ts";
import type { FigureDayCountTable } from "../schema.ts";
import { answeredByOperator, answerWaits, callsByHour, countsByContract, outcomeCounts, type AnswerWait, type CallCounts, type CallHour } from "./agency-figures.ts";

type Figure = FigureDayCountTable["figure"];
type Row = CallCounts & { figure: Figure; key: string };

export interface RangeFigures {
  hours: CallHour[];
  waits: AnswerWait[];
  operators: Array<{ operatorId: string; answered: number }>;
  outcomes: Array<{ outcome: CallOutcome; reports: number }>;
  contracts: Array<CallCounts & { contractId: string }>;
}

const none = { calls: 0, answered: 0, missed: 0, closed: 0 };

/** The range's figures straight from calls and reports, as rows. */
async function liveRows(db: Executor, range: InstantRange): Promise<Row[]> {
  const [hours, waits, operators, outcomes, contracts] = await Promise.all([
    callsByHour(db, range),
    answerWaits(db, range),
    answeredByOperator(db, range),
    outcomeCounts(db, range),
    countsByContract(db, range),
  ]);
  return [
    ...hours.map(({ hour, ...counts }) => ({ figure: "hour" as const, key: hour, ...counts })),
    ...waits.map((w) => ({ figure: "wait" as const, key: String(w.seconds), ...none, calls: w.calls })),
    ...operators.map((o) => ({ figure: "operator" as const, key: o.operatorId, ...none, calls: o.answered })),
    ...outcomes.map((o) => ({ figure: "outcome" as const, key: o.outcome, ...none, calls: o.reports })),
    ...contracts.map(({ contractId, ...counts }) => ({ figure: "contract" as const, key: contractId, ...counts })),
  ];
}

/** What a range of days holds now: what a kept day is checked against. */
async function holdings(db: Executor, range: InstantRange): Promise<{ calls: number; reports: number; ringing: number }> {
  const [calls, reports, ringing] = await Promise.all([
    db.selectFrom("calls").select((eb) => eb.fn.countAll<number | string>().as("n")).where("ringAt", ">=", range.from).where("ringAt", "<", range.to).executeTakeFirstOrThrow(),
    db.selectFrom("reports").select((eb) => eb.fn.countAll<number | string>().as("n")).where("receivedAt", ">=", range.from).where("receivedAt", "<", range.to).executeTakeFirstOrThrow(),
    db
      .selectFrom("calls")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("status", "=", "ringing")
      .where("ringAt", ">=", range.from)
      .where("ringAt", "<", range.to)
      .executeTakeFirstOrThrow(),
  ]);
  return { calls: toCount(calls.n), reports: toCount(reports.n), ringing: toCount(ringing.n) };
}

const dayRange = (day: TokyoDate): InstantRange => ({ from: tokyoDayStart(day).toISOString(), to: tokyoDayStart(addDays(day, 1)).toISOString() });

/** Counts one settled day and keeps it (again, if it was kept before). */
async function countDay(db: Executor, day: TokyoDate, nowIso: string): Promise<void> {
  const range = dayRange(day);
  // What the day holds first, its counts second: a call written in between then shows as a
  // difference at the next read, and the day is counted again.
  const held = await holdings(db, range);
  const rows = await liveRows(db, range);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("figure_day_counts").where("day", "=", day).execute();
    await trx
      .insertInto("figure_days")
      .values({ day, ...held, countedAt: nowIso })
      .onConflict((oc) => oc.column("day").doUpdateSet({ ...held, countedAt: nowIso }))
      .execute();
    // A few hundred rows at most; in slices, under the engines' limits on bound values.
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto("figure_day_counts")
        .values(rows.slice(i, i + 200).map((row) => ({ day, ...row })))
        .onConflict((oc) =>
          oc.columns(["day", "figure", "key"]).doUpdateSet((eb) => ({
            calls: eb.ref("excluded.calls"),
            answered: eb.ref("excluded.answered"),
            missed: eb.ref("excluded.missed"),
            closed: eb.ref("excluded.closed"),
          })),
        )
        .execute();
    }
  });
}

/** The kept rows of settled days, summed over the days. */
async function keptRows(db: Executor, days: readonly TokyoDate[]): Promise<Row[]> {
  const rows = await db
    .selectFrom("figure_day_counts")
    .select((eb) => [
      "figure",
      "key",
      eb.fn.sum<number | string>("calls").as("calls"),
      eb.fn.sum<number | string>("answered").as("answered"),
      eb.fn.sum<number | string>("missed").as("missed"),
      eb.fn.sum<number | string>("closed").as("closed"),
    ])
    .where("day", ">=", days[0] as string)
    .where("day", "<=", days.at(-1) as string)
    .groupBy(["figure", "key"])
    .execute();
  return rows.map((r) => ({ figure: r.figure, key: r.key, calls: toCount(r.calls), answered: toCount(r.answered), missed: toCount(r.missed), closed: toCount(r.closed) }));
}

/** The settled days' rows: kept ones if they still hold what they held, else counted (again) first. */
async function settledRows(db: Executor, range: InstantRange, now: Date): Promise<Row[]> {
  const days = tokyoDatesIn(range);
  if (days.length === 0) return [];
  const nowIso = now.toISOString();
  const kept = () => db.selectFrom("figure_days").selectAll().where("day", ">=", days[0] as string).where("day", "<=", days.at(-1) as string).execute();
  const before = await kept();
  const keptDays = new Set(before.map((k) => k.day));
  for (const day of days) if (!keptDays.has(day)) await countDay(db, day, nowIso);
  if (before.length > 0) {
    const [held, holds] = await Promise.all([kept(), holdings(db, range)]);
    const sum = (key: "calls" | "reports" | "ringing") => held.reduce((total, k) => total + k[key], 0);
    // Which day changed is not known: the range is counted again (rare: late writes only).
    if (holds.calls !== sum("calls") || holds.reports !== sum("reports") || holds.ringing !== sum("ringing")) {
      for (const day of days) await countDay(db, day, nowIso);
    }
  }
  return keptRows(db, days);
}

/**
 * The figures of a range of whole Tokyo days, judged at `now`: the days before yesterday from
 * the kept counts, yesterday and today (whose calls may still change) live.
 */
export async function rangeFigures(db: Executor, range: InstantRange, now: Date): Promise<RangeFigures> {
  const settledBefore = tokyoDayStart(addDays(tokyoDate(now), -1)).toISOString();
  const settled = { from: range.from, to: range.to < settledBefore ? range.to : settledBefore };
  const live = { from: range.from > settledBefore ? range.from : settledBefore, to: range.to };
  const rows = [...(settled.from < settled.to ? await settledRows(db, settled, now) : []), ...(live.from < live.to ? await liveRows(db, live) : [])];

  const merged = new Map<string, Row>();
  for (const row of rows) {
    const id = `${row.figure}\u0000${row.key}`;
    const before = merged.get(id);
    merged.set(id, before ? { ...before, calls: before.calls + row.calls, answered: before.answered + row.answered, missed: before.missed + row.missed, closed: before.closed + row.closed } : row);
  }
  const of = (figure: Figure) => [...merged.values()].filter((row) => row.figure === figure);
  const counts = (row: Row): CallCounts => ({ calls: row.calls, answered: row.answered, missed: row.missed, closed: row.closed });
  return {
    hours: of("hour")
      .map((row) => ({ hour: row.key, ...counts(row) }))
      .sort((a, b) => a.hour.localeCompare(b.hour)),
    waits: of("wait")
      .map((row) => ({ seconds: Number(row.key), calls: row.calls }))
      .sort((a, b) => a.seconds - b.seconds),
    operators: of("operator").map((row) => ({ operatorId: row.key, answered: row.calls })),
    outcomes: of("outcome").map((row) => ({ outcome: row.key as CallOutcome, reports: row.calls })),
    contracts: of("contract").map((row) => ({ contractId: row.key, ...counts(row) })),
  };
}
