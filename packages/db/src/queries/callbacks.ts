import { newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { Callback } from "../schema.ts";

// A caller waiting for a callback is the client's to call back, urgently (R5): open callbacks
// are listed with their age and reminded until the client marks them done.

/** The report fields a callback list or a reminder shows. */
export interface OpenCallback extends Callback {
  received_at: string;
  caller_company: string | null;
  caller_name: string | null;
  callback_number: string | null;
  requested_person: string | null;
  routed_name: string;
  routed_address: string;
  message: string;
}

export function insertCallback(
  db: Executor,
  callback: { id?: string; report_id: string; contract_id: string; requested_at: string },
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
    .innerJoin("reports", "reports.id", "callbacks.report_id")
    .selectAll("callbacks")
    .select([
      "reports.received_at",
      "reports.caller_company",
      "reports.caller_name",
      "reports.callback_number",
      "reports.requested_person",
      "reports.routed_name",
      "reports.routed_address",
      "reports.message",
    ])
    .where("callbacks.status", "=", "open")
    .orderBy("callbacks.requested_at")
    .orderBy("callbacks.id");
}

/** A contract's open callbacks, oldest (most urgent) first. */
export function listOpenCallbacks(db: Executor, contractId: string): Promise<OpenCallback[]> {
  return openCallbacks(db).where("callbacks.contract_id", "=", contractId).execute();
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
    .set({ status: "done", done_at: nowIso, done_by: userId })
    .where("contract_id", "=", contractId)
    .where("id", "=", callbackId)
    .where("status", "=", "open")
    .returningAll()
    .executeTakeFirst();
}

/** Notes that a reminder went out; undefined once the callback is done. */
export function recordReminder(db: Executor, callbackId: string, nowIso: string): Promise<Callback | undefined> {
  return db
    .updateTable("callbacks")
    .set((eb) => ({ last_reminded_at: nowIso, reminder_count: eb("reminder_count", "+", 1) }))
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
    .where("contract_id", "=", contractId)
    .where("id", "=", callbackId)
    .executeTakeFirst();
}
