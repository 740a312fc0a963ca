import * as z from "zod";
import { whenMissing } from "../messages/validate.ts";
import { idSchema, isReadableName, phoneSchema } from "./common.ts";
import { CONTRACT_STATUSES } from "../vocabulary.ts";

/**
 * R10: a contract names one legal entity and answers with one name. A list where one name
 * belongs is refused with R10's own explanation, not a generic type error.
 */
const oneName = (code: "R10_ONE_LEGAL_ENTITY" | "R10_ONE_ANSWER_NAME") =>
  z
    .string(whenMissing((input) => (Array.isArray(input) ? code : "FIELD_REQUIRED")))
    .trim()
    .min(1, { error: "FIELD_REQUIRED" })
    .max(100)
    .refine(isReadableName, { error: "FIELD_NAME_CHARACTERS" });

export const contractStatusSchema = z.enum(CONTRACT_STATUSES);

export const contractInputSchema = z.object({
  legalEntityName: oneName("R10_ONE_LEGAL_ENTITY"),
  answerName: oneName("R10_ONE_ANSWER_NAME"),
  script: z.string().max(4000).default(""),
  numbers: z.array(phoneSchema).max(20).default([]),
});
export type ContractInput = z.output<typeof contractInputSchema>;

export const contractUpdateSchema = z.object({
  answerName: oneName("R10_ONE_ANSWER_NAME").optional(),
  script: z.string().max(4000).optional(),
  status: contractStatusSchema.optional(),
});
export type ContractUpdate = z.output<typeof contractUpdateSchema>;

export const contractUpdateByIdSchema = contractUpdateSchema.extend({ id: idSchema });

export const contractNumberSchema = z.object({ number: phoneSchema });
export const contractNumberByIdSchema = contractNumberSchema.extend({ id: idSchema });

