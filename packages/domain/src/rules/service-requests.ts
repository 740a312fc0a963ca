/**
 * The Q&A made executable: requests clients do make, that the agency's rules answer with "no".
 * Each kind maps to the rule that refuses it, so the dashboard can offer the question and show
 * the answer, and no one restates the answer elsewhere.
 */
import * as z from "zod";
import { SERVICE_REQUEST_KINDS, type ServiceRequestKind } from "../vocabulary.ts";
import { requestSubjectChange } from "./r01-subject.ts";
import { requestOutbound } from "./r04-inbound.ts";
import { requestBlock } from "./r05-callbacks.ts";
import { requestAdditionalLegalEntity, requestAlternativeAnswerName } from "./r10-one-entity.ts";

export const serviceRequestSchema = z.object({ kind: z.enum(SERVICE_REQUEST_KINDS) });

const answers: Record<ServiceRequestKind, () => never> = {
  change_subject: requestSubjectChange,
  block_caller: requestBlock,
  outbound_call: requestOutbound,
  additional_legal_entity: requestAdditionalLegalEntity,
  alternative_answer_name: requestAlternativeAnswerName,
};

export function answerServiceRequest(kind: ServiceRequestKind): never {
  return answers[kind]();
}
