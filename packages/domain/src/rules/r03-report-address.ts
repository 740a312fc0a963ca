/**
 * R3 — Q1: a report address may be a mailing list only if the list accepts posts from
 * non-members: the agency works as a team, cannot know which operator will send, and never
 * subscribes to a list. A client's internal traffic must never reach the agency, so no address
 * on the agency's domain can receive reports.
 */
import { DomainError } from "../messages/domain-error.ts";
import { message } from "../messages/catalogue.ts";
import type { ReportAddress } from "../schemas/roster.ts";

export function isAgencyAddress(address: string, agencyDomain: string): boolean {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  const agency = agencyDomain.toLowerCase();
  return domain === agency || domain.endsWith(`.${agency}`);
}

/** Throws the R3 refusal that applies to an already schema-checked report address. */
export function assertReportAddress(value: ReportAddress, agencyDomain: string): void {
  if (isAgencyAddress(value.reportAddress, agencyDomain)) {
    const code = "R3_AGENCY_DOMAIN_ADDRESS";
    const params = { domain: agencyDomain };
    throw new DomainError(code, { params, fields: [{ path: "reportAddress", code, text: message(code, params) }] });
  }
  if (value.addressKind === "list" && value.listPolicy === "members_only") {
    const code = "R3_MEMBERS_ONLY_LIST";
    throw new DomainError(code, { fields: [{ path: "listPolicy", code, text: message(code) }] });
  }
}
