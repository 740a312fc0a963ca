import * as z from "zod";
import { idSchema, optionalKanaSchema, phoneSchema, spokenName } from "./common.ts";

/** R6: a company that callers confuse the client with (Q6 asks clients for exactly this). */
export const wrongNumberInputSchema = z.object({
  companyName: spokenName(100),
  companyNameKana: optionalKanaSchema,
  numbers: z.array(phoneSchema).max(20).default([]),
  typicalCalls: z.string().trim().max(2000).default(""),
});
export type WrongNumberInput = z.output<typeof wrongNumberInputSchema>;

export const wrongNumberUpdateSchema = wrongNumberInputSchema.extend({ id: idSchema });

/** What the operator heard, to match against the wrong numbers. */
export const heardSchema = z.object({
  company: z.string().max(200).optional(),
  number: z.string().max(60).optional(),
});

/** While the caller speaks: what was heard so far, and the person asked for (R6, R7, R10). */
export const assessInputSchema = heardSchema.extend({
  callId: idSchema,
  requestedPerson: z.string().max(60).optional(),
});
