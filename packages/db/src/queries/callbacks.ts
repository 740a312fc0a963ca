import { newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { Callback } from "../schema.ts";

// A caller waiting for a callback is the client's to call back, urgently (R5): open callbacks
// are listed with their age and reminded until the client marks them done.

/** The report fields a callback list or a reminder shows. */
export interface OpenCallback extends Callback {
  receivedAt: string;
  callerCompany: string | null;
  callerName: string | null;
  callbackNumber: string | null;
  requestedPerson: string | null;
  routedName: string;
  routedAddress: string;
  message: string;
}

export function insertCallback(
  db: Executor,
  callback: { id?: string; reportId: string; contractId: string; requestedAt: string },
): Promise<Callback> {
  return db
    .insertInto("callbacks")
    .values({ ...callback, id: callback.id ?? newId() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function openCallbacks(db: Executor) {
  return db
    .selectFrom("callbacks")
    .innerJoin("reports", "reports.id", "callbacks.reportId")
    .selectAll("callbacks")
    .select([
      "reports.receivedAt",
      "reports.callerCompany",
      "reports.callerName",
      "reports.callbackNumber",
      "reports.requestedPerson",
      "reports.routedName",
      "reports.routedAddress",
      "reports.message",
    ])
    .where("callbacks.status", "=", "open")
    .orderBy("callbacks.requestedAt")
    .orderBy("callbacks.id");
}

/** A contract's open callbacks, oldest (most urgent) first. */
export function listOpenCallbacks(db: Executor, contractId: string): Promise<OpenCallback[]> {
  return openCallbacks(db).where("callbacks.contractId", "=", contractId).execute();
}

/** Every open callback, for the reminder worker. */
export function listOpenCallbacksAll(db: Executor): Promise<OpenCallback[]> {
  return openCallbacks(db).execute();
}

/** Marks an open callback of this contract done; undefined if not open or not this contract's. */
export function markCallbackDone(
  db: Executor,
  contractId: string,
  callbackId: string,
  userId: string,
  nowIso: string,
): Promise<Callback | undefined> {
  return db
    .updateTable("callbacks")
    .set({ status: "done", doneAt: nowIso, doneBy: userId })
    .where("contractId", "=", contractId)
    .where("id", "=", callbackId)
    .where("status", "=", "open")
    .returningAll()
    .executeTakeFirst();
}

/** Notes that a reminder went out; undefined once the callback is done. */
export function recordReminder(db: Executor, callbackId: string, nowIso: string): Promise<Callback | undefined> {
  return db
    .updateTable("callbacks")
    .set((eb) => ({ lastRemindedAt: nowIso, reminderCount: eb("reminderCount", "+", 1) }))
    .where("id", "=", callbackId)
    .where("status", "=", "open")
    .returningAll()
    .executeTakeFirst();
}

/** One callback of this contract (undefined for another contract's). */
export function getCallback(db: Executor, contractId: string, callbackId: string): Promise<Callback | undefined> {
  return db
    .selectFrom("callbacks")
    .selectAll()
    .where("contractId", "=", contractId)
    .where("id", "=", callbackId)
    .executeTakeFirst();
}
