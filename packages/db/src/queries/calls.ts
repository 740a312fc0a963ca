import { isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { CallDirection, CallEventType, CallSource, CallStatus } from "@uketsuke/domain";
import type { Call, Report } from "../schema.ts";

export interface NewCallInput {
  id?: string;
  contractId: string;
  externalId?: string | null;
  fromNumber: string;
  toNumber: string;
  direction?: CallDirection;
  /** 'ringing' to queue it; 'closed' when it arrived outside business hours (R9). */
  status: CallStatus;
  source: CallSource;
  ringAt: string;
}

export type QueuedCall = Call & { answerName: string };

export function insertCall(db: Executor, call: NewCallInput): Promise<Call> {
  return db
    .insertInto("calls")
    .values({ direction: "inbound", createdAt: isoNow(), ...call, id: call.id ?? newId() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function getCall(db: Executor, callId: string): Promise<Call | undefined> {
  return db.selectFrom("calls").selectAll().where("id", "=", callId).executeTakeFirst();
}

export function findCallByExternalId(db: Executor, externalId: string): Promise<Call | undefined> {
  return db.selectFrom("calls").selectAll().where("externalId", "=", externalId).executeTakeFirst();
}

/** The operator queue: ringing calls, oldest first, with the name to answer in (R10). */
export function listRinging(db: Executor): Promise<QueuedCall[]> {
  return db
    .selectFrom("calls")
    .innerJoin("contracts", "contracts.id", "calls.contractId")
    .selectAll("calls")
    .select("contracts.answerName")
    .where("calls.status", "=", "ringing")
    .orderBy("calls.ringAt")
    .orderBy("calls.id")
    .execute();
}

/**
 * One operator answers a call. The status test sits in the UPDATE itself, so of any number of
 * concurrent claimers exactly one gets the row back; the others get undefined.
 */
export function claimCall(db: Executor, callId: string, operatorId: string, nowIso: string): Promise<Call | undefined> {
  return db
    .updateTable("calls")
    .set({ status: "answered", claimedBy: operatorId, answeredAt: nowIso })
    .where("id", "=", callId)
    .where("status", "=", "ringing")
    .returningAll()
    .executeTakeFirst();
}

/** Hang-up of an answered call. */
export function endCall(db: Executor, callId: string, nowIso: string): Promise<Call | undefined> {
  return db
    .updateTable("calls")
    .set({ status: "ended", endedAt: nowIso })
    .where("id", "=", callId)
    .where("status", "=", "answered")
    .returningAll()
    .executeTakeFirst();
}

/** The caller hung up before anyone answered. */
export function markMissed(db: Executor, callId: string, nowIso: string): Promise<Call | undefined> {
  return db
    .updateTable("calls")
    .set({ status: "missed", endedAt: nowIso })
    .where("id", "=", callId)
    .where("status", "=", "ringing")
    .returningAll()
    .executeTakeFirst();
}

/** Missed calls, newest first, optionally since a time. */
export function listMissed(db: Executor, options: { sinceIso?: string; limit?: number } = {}): Promise<Call[]> {
  let query = db.selectFrom("calls").selectAll().where("status", "=", "missed");
  if (options.sinceIso !== undefined) query = query.where("ringAt", ">=", options.sinceIso);
  return query
    .orderBy("ringAt", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
}

/**
 * Stores a telephony webhook event once. False when this (call, event) pair was already
 * received: providers retry, and a retry must change nothing.
 */
export async function insertCallEvent(
  db: Executor,
  event: { externalCallId: string; event: CallEventType; payload: unknown; receivedAt?: string },
): Promise<boolean> {
  const row = await db
    .insertInto("call_events")
    .values({
      id: newId(),
      externalCallId: event.externalCallId,
      event: event.event,
      receivedAt: event.receivedAt ?? isoNow(),
      payload: JSON.stringify(event.payload ?? null),
    })
    .onConflict((oc) => oc.columns(["externalCallId", "event"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export type CallForReport = Call & { answerName: string; reportId: string | null };

/**
 * What saving a message needs to know about its call, in one round trip: the call, its
 * contract's answer name, and whether a report exists for it already.
 */
export function getCallForReport(db: Executor, callId: string): Promise<CallForReport | undefined> {
  return db
    .selectFrom("calls")
    .innerJoin("contracts", "contracts.id", "calls.contractId")
    .leftJoin("reports", "reports.callId", "calls.id")
    .selectAll("calls")
    .select(["contracts.answerName", "reports.id as reportId"])
    .where("calls.id", "=", callId)
    .executeTakeFirst();
}

export type CallerHistoryItem = Pick<Call, "id" | "ringAt" | "status" | "source"> & {
  report: {
    id: string;
    receivedAt: string;
    callerCompany: string | null;
    callerName: string | null;
    requestedPerson: string | null;
    message: string;
    outcome: Report["outcome"];
    routedName: string;
    callbackRequested: boolean;
  } | null;
};

/**
 * Earlier calls from one number to one contract, newest first, each with its report if one was
 * written: what the console shows beside the screen pop. Scoped by the contract first, like
 * every query of client data, so one client's callers never show in another's history.
 */
export async function listCallerHistory(
  db: Executor,
  contractId: string,
  fromNumber: string,
  options: { excludeCallId?: string; limit?: number } = {},
): Promise<CallerHistoryItem[]> {
  let query = db
    .selectFrom("calls")
    .leftJoin("reports", "reports.callId", "calls.id")
    .select([
      "calls.id",
      "calls.ringAt",
      "calls.status",
      "calls.source",
      "reports.id as reportId",
      "reports.receivedAt",
      "reports.callerCompany",
      "reports.callerName",
      "reports.requestedPerson",
      "reports.message",
      "reports.outcome",
      "reports.routedName",
      "reports.callbackRequested",
    ])
    .where("calls.contractId", "=", contractId)
    .where("calls.fromNumber", "=", fromNumber);
  if (options.excludeCallId !== undefined) query = query.where("calls.id", "!=", options.excludeCallId);
  const rows = await query
    .orderBy("calls.ringAt", "desc")
    .orderBy("calls.id", "desc")
    .limit(options.limit ?? 10)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ringAt: r.ringAt,
    status: r.status,
    source: r.source,
    report:
      r.reportId === null
        ? null
        : {
            id: r.reportId,
            receivedAt: r.receivedAt as string,
            callerCompany: r.callerCompany,
            callerName: r.callerName,
            requestedPerson: r.requestedPerson,
            message: r.message as string,
            outcome: r.outcome as Report["outcome"],
            routedName: r.routedName as string,
            callbackRequested: Boolean(r.callbackRequested),
          },
  }));
}
