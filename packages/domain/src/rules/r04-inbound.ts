/**
 * R4 — Q3: the service is inbound only. No feature places a call for a client; an outbound
 * request or an outbound telephony event is refused with this explanation.
 */
import { refuse } from "../messages/domain-error.ts";
import type { CallDirection } from "../vocabulary.ts";

export function assertInbound(direction: CallDirection): void {
  if (direction !== "inbound") refuse("R4_OUTBOUND_NOT_OFFERED");
}

export function requestOutbound(_request?: unknown): never {
  return refuse("R4_OUTBOUND_NOT_OFFERED");
}
