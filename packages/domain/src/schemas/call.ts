import * as z from "zod";
import { CALL_DIRECTIONS, CALL_EVENT_TYPES, CALL_OUTCOMES } from "../vocabulary.ts";
import { idSchema, isoInstantSchema, optionalPhoneSchema, optionalText, phoneSchema, requiredText } from "./common.ts";

export const callOutcomeSchema = z.enum(CALL_OUTCOMES);
export const callDirectionSchema = z.enum(CALL_DIRECTIONS);

/** What the operator writes while on the call (R5, R6, R8, R9, R10). */
export const messageInputSchema = z
  .object({
    callId: idSchema,
    callerCompany: optionalText(100),
    callerName: optionalText(60),
    callbackNumber: optionalPhoneSchema,
    requestedPerson: optionalText(60),
    message: z.string().trim().max(4000).default(""),
    callbackRequested: z.boolean().default(false),
    // 至急: the report says so at the top of its body; the subject stays the fixed one (R1).
    urgent: z.boolean().default(false),
    outcome: callOutcomeSchema.default("message"),
    wrongNumberEntryId: idSchema.optional().nullable().transform((v) => v ?? undefined),
  })
  .superRefine((value, ctx) => {
    // A message without content tells the client nothing; the other outcomes speak for themselves.
    if (value.outcome === "message" && value.message === "") {
      ctx.addIssue({ code: "custom", path: ["message"], message: "FIELD_REQUIRED" });
    }
    // R5: a callback needs somewhere to call back.
    if (value.callbackRequested && !value.callbackNumber) {
      ctx.addIssue({ code: "custom", path: ["callbackNumber"], message: "FIELD_REQUIRED" });
    }
  });
export type MessageInput = z.output<typeof messageInputSchema>;

/** An operator opens a call by hand (e.g. the telephony provider is not connected yet). */
export const manualCallInputSchema = z.object({
  contractId: idSchema,
  from: optionalPhoneSchema,
});

/** A telephony provider's call event (DESIGN: "The call, end to end", step 1). */
export const callEventSchema = z.object({
  type: z.enum(CALL_EVENT_TYPES),
  callId: requiredText(128),
  from: z.string().trim().max(40).default(""),
  to: phoneSchema,
  direction: callDirectionSchema,
  at: isoInstantSchema,
});
export type CallEvent = z.output<typeof callEventSchema>;
