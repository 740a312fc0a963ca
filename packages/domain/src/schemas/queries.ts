import * as z from "zod";
import { callOutcomeSchema } from "./call.ts";
import { idSchema, isoInstantSchema } from "./common.ts";
import { CALLBACK_STATUSES, FIGURE_PERIODS, OUTBOX_STATUSES } from "../vocabulary.ts";

export const byIdSchema = z.object({ id: idSchema });

/** The audit log: who, what, which contract, when; pages newest first, `cursor` from the last page. */
export const auditFilterSchema = z.object({
  contractId: idSchema.optional(),
  actorUserId: idSchema.optional(),
  /** An action or its family: `contract` matches `contract.create` and `contract.update`. */
  action: z.string().trim().max(60).regex(/^[a-z_.]*$/, { error: "FIELD_FORMAT_INVALID" }).optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const outboxFilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  contractId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Every failed mail back to the queue, or only the mail about one contract's calls. */
export const outboxRetryAllSchema = z.object({ contractId: idSchema.optional() });

/** A Tokyo calendar month, `2026-11`: the billing count's period. */
export const billingInputSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "FIELD_FORMAT_INVALID" }),
});

export const statsInputSchema = z.object({
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
});

export const reportFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  outcome: callOutcomeSchema.optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  /** The roster member the report went to. */
  person: idSchema.optional(),
  /** Reports whose callback is still waiting (open) or was called back (done). */
  callback: z.enum(CALLBACK_STATUSES).optional(),
  /** R5: the report carried the urgent line (the caller asked to be called back). */
  urgent: z.boolean().optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** The same filter without paging: how many reports match (and what the CSV export holds). */
export const reportCountSchema = reportFilterSchema.omit({ limit: true, cursor: true });

/** The dashboard's figures: calls per day, by hour and by outcome over a Tokyo period. */
export const figuresInputSchema = z.object({ period: z.enum(FIGURE_PERIODS).default("thisMonth") });

/** Live subscriptions: tRPC hands back the last event id a reconnecting client saw. */
export const liveInputSchema = z.object({ lastEventId: z.string().max(40).nullish() }).optional();
