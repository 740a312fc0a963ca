/**
 * Only an active contract takes calls. A suspended or ended contract's forwarded calls are
 * recorded but never queued, and no operator opens a call for it by hand: the agency answers
 * in a company's name (R10) only while it has the contract to do so.
 */
import { refuse } from "../messages/domain-error.ts";
import type { ContractStatus } from "../vocabulary.ts";

export function takesCalls(status: ContractStatus): boolean {
  return status === "active";
}

/** Refuses with CONTRACT_INACTIVE unless the contract takes calls. */
export function assertTakesCalls(status: ContractStatus): void {
  if (!takesCalls(status)) refuse("CONTRACT_INACTIVE");
}
