import { assertReportAddress, checkInput, isDomainError, reportAddressSchema, type LocalizedText } from "@uketsuke/domain";

export type AddressVerdict =
  | { kind: "none" }
  | { kind: "refused"; path: string; rule: string | null; text: LocalizedText }
  | { kind: "open-list" };

/**
 * R3 as the person types, with the very rule the server applies: an address on the agency's
 * domain and a members-only list are refused with their explanation; an open list is accepted
 * with its declaration. A half-typed address says nothing yet (the form checks it on save).
 */
export function checkReportAddress(
  value: { reportAddress: string; addressKind: "person" | "list"; listPolicy: "open" | "members_only" | "" },
  agencyDomain: string,
): AddressVerdict {
  const parsed = checkInput(reportAddressSchema, {
    reportAddress: value.reportAddress,
    addressKind: value.addressKind,
    listPolicy: value.listPolicy || undefined,
  });
  if (!parsed.ok) return { kind: "none" };
  try {
    assertReportAddress(parsed.value, agencyDomain);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { kind: "refused", path: error.fields[0]?.path ?? "reportAddress", rule: error.rule, text: error.text };
  }
  return parsed.value.addressKind === "list" ? { kind: "open-list" } : { kind: "none" };
}
