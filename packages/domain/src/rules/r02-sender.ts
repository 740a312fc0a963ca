/**
 * R2 — Q2: every report comes from the address of the operator who took the call; the part
 * after @ is always the agency's domain, the part before it differs per operator. Clients
 * filter on the domain.
 */
import { parseInput } from "../messages/validate.ts";
import { domainNameSchema, mailboxSchema } from "../schemas/common.ts";

export function senderAddress(mailbox: string, agencyDomain: string): string {
  const local = parseInput(mailboxSchema, mailbox);
  const domain = parseInput(domainNameSchema, agencyDomain);
  return `${local}@${domain}`;
}

/** What the dashboard tells clients to filter on. */
export function senderFilterHint(agencyDomain: string): { ja: string; en: string } {
  return {
    ja: `受電報告は「@${agencyDomain}」のアドレスから届きます。送信者はオペレーターごとに異なるため、ドメインで受信設定してください。`,
    en: `Reports come from addresses ending in "@${agencyDomain}". The sender differs per operator, so filter on the domain.`,
  };
}
