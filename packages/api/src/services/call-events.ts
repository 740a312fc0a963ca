/**
 * A telephony provider's call event (DESIGN, "The call, end to end", step 1), whatever the
 * provider: `to` selects the contract; an outbound event is refused (R4) before anything is
 * written; outside business hours the call is recorded, not queued (R9); a hang-up before
 * anyone answered leaves a missed call. Idempotent on (call id, event).
 */
import { assertInbound, decideArrival, DomainError, takesCalls, type CallEvent } from "@uketsuke/domain";
import {
  endCall,
  findCallByExternalId,
  findContractByNumber,
  insertCall,
  insertCallEvent,
  inTransaction,
  markMissed,
} from "@uketsuke/db";
import type { ApiDeps } from "../context.ts";
import type { AgencyEvent } from "../events/event-bus.ts";

export type CallEventOutcome =
  | { result: "duplicate" }
  | { result: "queued" | "closed"; callId: string; contractId: string; answerName: string }
  | { result: "recorded" | "missed" | "ended"; callId: string };

export async function handleCallEvent(deps: ApiDeps, event: CallEvent, payload: unknown): Promise<CallEventOutcome> {
  // R4 first: an outbound event is refused whatever else it says, and leaves no trace.
  assertInbound(event.direction);
  const at = new Date(event.at);
  const published: AgencyEvent[] = [];
  const outcome = await inTransaction(deps.db, async (trx): Promise<CallEventOutcome> => {
    if (event.type === "ring") {
      const contract = await findContractByNumber(trx, event.to);
      if (!contract) throw new DomainError("NUMBER_UNKNOWN");
      if (!(await insertCallEvent(trx, { externalCallId: event.callId, event: "ring", payload, receivedAt: deps.clock().toISOString() }))) {
        return { result: "duplicate" };
      }
      const arrival = decideArrival("inbound", at);
      const queued = arrival.action === "queue" && takesCalls(contract.status);
      const call = await insertCall(trx, {
        contractId: contract.id,
        externalId: event.callId,
        fromNumber: event.from,
        toNumber: event.to,
        direction: "inbound",
        status: queued ? "ringing" : "closed",
        source: "telephony",
        ringAt: at.toISOString(),
      });
      if (queued) {
        published.push({ type: "call.ringing", callId: call.id, contractId: contract.id, answerName: contract.answerName, from: call.fromNumber, ringAt: call.ringAt });
      }
      return { result: queued ? "queued" : "closed", callId: call.id, contractId: contract.id, answerName: contract.answerName };
    }

    const call = await findCallByExternalId(trx, event.callId);
    if (!call) throw new DomainError("NOT_FOUND");
    if (!(await insertCallEvent(trx, { externalCallId: event.callId, event: event.type, payload, receivedAt: deps.clock().toISOString() }))) {
      return { result: "duplicate" };
    }
    if (event.type === "answer") return { result: "recorded", callId: call.id };
    if (call.status === "ringing") {
      await markMissed(trx, call.id, at.toISOString());
      published.push({ type: "call.ended", callId: call.id, contractId: call.contractId, status: "missed" });
      return { result: "missed", callId: call.id };
    }
    if (call.status === "answered") {
      await endCall(trx, call.id, at.toISOString());
      published.push({ type: "call.ended", callId: call.id, contractId: call.contractId, status: "ended" });
      return { result: "ended", callId: call.id };
    }
    return { result: "recorded", callId: call.id };
  });
  // Only after the commit: a subscriber that refetches must find what the event announced.
  for (const e of published) deps.bus.publish(e);
  return outcome;
}
