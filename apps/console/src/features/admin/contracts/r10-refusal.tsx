import { isDomainError, requestAdditionalLegalEntity, requestAlternativeAnswerName } from "@uketsuke/domain";
import { RuleNotice } from "@uketsuke/web";

/** What a second legal entity or a second answer name would be: R10 refuses it, in the domain's words. */
const REFUSALS = { legalEntityName: requestAdditionalLegalEntity, answerName: requestAlternativeAnswerName } as const;

export type OneNameField = keyof typeof REFUSALS;

function refusalOf(field: OneNameField) {
  try {
    return REFUSALS[field]();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
}

/** R10's refusal under the field where a second name was asked for; a live region, so it is heard. */
export function R10Refusal({ field, id }: { field: OneNameField; id: string }) {
  const refusal = refusalOf(field);
  return (
    <div role="alert" id={id} data-refusal={field}>
      <RuleNotice rule={refusal.rule} text={refusal.text} />
    </div>
  );
}
