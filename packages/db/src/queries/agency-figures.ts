// The figures an agency is run by (the supervisor's desk): volume, outcomes, who answered, what
// was missed, how fast calls were answered, and the calls each contract is billed for. Every function takes a half-open instant range
// [from, to) and returns small aggregates; the Tokyo calendar (days, weekdays, hours) is applied
// by the caller with the domain's helpers, so no time-zone arithmetic lives in SQL. UTC hours
// map one-to-one onto Tokyo hours (Japan keeps a whole-hour offset and no daylight saving).
import { sql, type RawBuilder } from "kysely";
import type { CallOutcome, InstantRange } from "@uketsuke/domain";
import { dialectOf, toCount, type Executor } from "../executor.ts";

export interface CallHour {
  /** The UTC hour the calls rang in, `2026-11-24T01`. */
  hour: string;
  /** Every call recorded: answered, missed, closed or still ringing. */
  calls: number;
  answered: number;
  /** Rang and was hung up before anyone answered. */
  missed: number;
  /** Arrived outside business hours or for an inactive contract (R9): recorded, never queued. */
  closed: number;
}

const count = (condition: RawBuilder<unknown>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

export type CallCounts = { calls: number; answered: number; missed: number; closed: number };

/** Every call, the answered ones, the missed and the closed: the four counts of every call figure. */
const callCounts = [
  sql<number | string>`count(*)`.as("calls"),
  count(sql`${sql.ref("answeredAt")} is not null`).as("answered"),
  count(sql`${sql.ref("status")} = 'missed'`).as("missed"),
  count(sql`${sql.ref("status")} = 'closed'`).as("closed"),
] as const;

const countsOf = (r: Record<keyof CallCounts, number | string>): CallCounts => ({
  calls: toCount(r.calls),
  answered: toCount(r.answered),
  missed: toCount(r.missed),
  closed: toCount(r.closed),
});

/** Calls per UTC hour of ringing in the range: the days, the heat map and the totals are built from these. */
export async function callsByHour(db: Executor, range: InstantRange): Promise<CallHour[]> {
  const rows = await db
    .selectFrom("calls")
    .select([sql<string>`substr(${sql.ref("ringAt")}, 1, 13)`.as("hour"), ...callCounts])
    .where("ringAt", ">=", range.from)
    .where("ringAt", "<", range.to)
    .groupBy(sql`substr(${sql.ref("ringAt")}, 1, 13)`)
    .orderBy("hour")
    .execute();
  return rows.map((r) => ({ hour: r.hour, ...countsOf(r) }));
}

export interface AnswerWait {
  /** Ring to answer, rounded up to whole seconds: 20 means "within 20 s". */
  seconds: number;
  calls: number;
}

/** Ring to answer in whole seconds, rounded up; never below 0 (a provider's clock may run ahead). */
function waitSeconds(db: Executor): RawBuilder<number> {
  const ring = sql.ref("ringAt");
  const answered = sql.ref("answeredAt");
  if (dialectOf(db) === "postgres") {
    return sql<number>`greatest(0, ceil(round(extract(epoch from (${answered}::timestamptz - ${ring}::timestamptz)) * 1000) / 1000.0))::integer`;
  }
  // Milliseconds as an integer first, then a whole-second ceiling in integer arithmetic.
  return sql<number>`max(0, (cast(round((julianday(${answered}) - julianday(${ring})) * 86400000) as integer) + 999) / 1000)`;
}

/**
 * How long answered calls rang, as a histogram of whole seconds: the speed of answer (share
 * within 20 s, p50, p90) comes from it exactly. Calls opened by hand never rang, so they are left out.
 */
export async function answerWaits(db: Executor, range: InstantRange): Promise<AnswerWait[]> {
  const seconds = waitSeconds(db);
  const rows = await db
    .selectFrom("calls")
    .select([seconds.as("seconds"), (eb) => eb.fn.countAll<number | string>().as("calls")])
    .where("ringAt", ">=", range.from)
    .where("ringAt", "<", range.to)
    .where("answeredAt", "is not", null)
    .where("source", "=", "telephony")
    .groupBy(seconds)
    .orderBy("seconds")
    .execute();
  return rows.map((r) => ({ seconds: Number(r.seconds), calls: toCount(r.calls) }));
}

export interface OperatorCalls {
  operatorId: string;
  displayName: string;
  answered: number;
}

/** Calls each operator answered in the range. */
export async function answeredByOperator(db: Executor, range: InstantRange): Promise<Array<{ operatorId: string; answered: number }>> {
  const rows = await db
    .selectFrom("calls")
    .select(["claimedBy", (eb) => eb.fn.countAll<number | string>().as("answered")])
    .where("ringAt", ">=", range.from)
    .where("ringAt", "<", range.to)
    .where("claimedBy", "is not", null)
    .groupBy("claimedBy")
    .execute();
  return rows.map((r) => ({ operatorId: r.claimedBy ?? "", answered: toCount(r.answered) }));
}

/** Operators with their names, most answered first. */
export async function withOperatorNames(db: Executor, counts: ReadonlyArray<{ operatorId: string; answered: number }>): Promise<OperatorCalls[]> {
  if (counts.length === 0) return [];
  const names = new Map(
    (await db.selectFrom("users").select(["id", "displayName"]).where("id", "in", counts.map((c) => c.operatorId)).execute()).map((u) => [u.id, u.displayName]),
  );
  return counts
    .flatMap((c) => {
      const displayName = names.get(c.operatorId);
      return displayName === undefined ? [] : [{ ...c, displayName }];
    })
    .sort((a, b) => b.answered - a.answered || a.displayName.localeCompare(b.displayName));
}

/** Calls each operator answered in the range, most first. */
export async function callsByOperator(db: Executor, range: InstantRange): Promise<OperatorCalls[]> {
  return withOperatorNames(db, await answeredByOperator(db, range));
}

/** Reports per outcome in the range (message, wrong number, test call, other company). */
export async function outcomeCounts(db: Executor, range: InstantRange): Promise<Array<{ outcome: CallOutcome; reports: number }>> {
  const rows = await db
    .selectFrom("reports")
    .select(["outcome", (eb) => eb.fn.countAll<number | string>().as("reports")])
    .where("receivedAt", ">=", range.from)
    .where("receivedAt", "<", range.to)
    .groupBy("outcome")
    .orderBy("outcome")
    .execute();
  return rows.map((r) => ({ outcome: r.outcome, reports: toCount(r.reports) }));
}

export interface ContractCalls {
  contractId: string;
  legalEntityName: string;
  answerName: string;
  calls: number;
  answered: number;
  missed: number;
  closed: number;
}

/** Calls per contract in the range, for the contracts that had any. */
export async function countsByContract(db: Executor, range: InstantRange): Promise<Array<CallCounts & { contractId: string }>> {
  const rows = await db
    .selectFrom("calls")
    .select(["contractId", ...callCounts])
    .where("ringAt", ">=", range.from)
    .where("ringAt", "<", range.to)
    .groupBy("contractId")
    .execute();
  return rows.map((r) => ({ contractId: r.contractId, ...countsOf(r) }));
}

/** Every contract with its counts, 0 for one without calls: the billing count's rows. */
export async function withContractNames(db: Executor, counts: ReadonlyArray<CallCounts & { contractId: string }>): Promise<ContractCalls[]> {
  const byId = new Map(counts.map((c) => [c.contractId, c]));
  const contracts = await db.selectFrom("contracts").select(["id", "legalEntityName", "answerName"]).orderBy("legalEntityName").orderBy("id").execute();
  return contracts.map((c) => {
    const n = byId.get(c.id);
    return { contractId: c.id, legalEntityName: c.legalEntityName, answerName: c.answerName, calls: n?.calls ?? 0, answered: n?.answered ?? 0, missed: n?.missed ?? 0, closed: n?.closed ?? 0 };
  });
}

/** Billing: calls per contract in the range, every contract listed (a month without calls shows 0). */
export async function callsByContract(db: Executor, range: InstantRange): Promise<ContractCalls[]> {
  return withContractNames(db, await countsByContract(db, range));
}

export interface OperatorOnCall {
  callId: string;
  operatorId: string;
  displayName: string;
  answerName: string;
  answeredAt: string;
}

/** Operators on a call right now (answered, not yet ended), longest first. */
export function operatorsOnCall(db: Executor): Promise<OperatorOnCall[]> {
  return db
    .selectFrom("calls")
    .innerJoin("users", "users.id", "calls.claimedBy")
    .innerJoin("contracts", "contracts.id", "calls.contractId")
    .select(["calls.id as callId", "users.id as operatorId", "users.displayName", "contracts.answerName", "calls.answeredAt"])
    .where("calls.status", "=", "answered")
    .orderBy("calls.answeredAt")
    .execute() as Promise<OperatorOnCall[]>;
}
