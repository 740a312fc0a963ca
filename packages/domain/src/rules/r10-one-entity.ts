/**
 * R10 — Q10: one contract, one legal entity. The operator answers with the contracted company's
 * name; sub-letting or sharing with another company is not allowed, and calls for other group
 * companies are not relayed.
 */
import type { LocalizedText } from "../messages/catalogue.ts";
import { refuse } from "../messages/domain-error.ts";
import { normaliseCompanyName } from "../normalise/company-name.ts";

export type ContractIdentity = { readonly legalEntityName: string; readonly answerName: string };

/** The phrase the operator says on picking up, always in the contract's one answer name. */
export function answerPhrase(answerName: string): LocalizedText {
  return {
    ja: `お電話ありがとうございます。${answerName}でございます。`,
    en: `Thank you for calling ${answerName}.`,
  };
}

export function requestAdditionalLegalEntity(_entity?: unknown): never {
  return refuse("R10_ONE_LEGAL_ENTITY");
}

export function requestAlternativeAnswerName(_name?: unknown): never {
  return refuse("R10_ONE_ANSWER_NAME");
}

/**
 * Whether the company a caller asked for is this contract's. "other_company" means the call is
 * for someone else (a group company, say): outcome "other company, not relayed".
 */
export function companyAskedFor(contract: ContractIdentity, heardCompany?: string | null): "this_company" | "other_company" | "unknown" {
  const heard = heardCompany ? normaliseCompanyName(heardCompany) : "";
  if (!heard) return "unknown";
  const ours = [contract.legalEntityName, contract.answerName].map(normaliseCompanyName).filter(Boolean);
  return ours.some((name) => name === heard || heard.includes(name)) ? "this_company" : "other_company";
}
