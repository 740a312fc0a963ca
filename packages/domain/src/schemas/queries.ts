import * as z from "zod";
import { callOutcomeSchema } from "./call.ts";
import { idSchema, isoInstantSchema } from "./common.ts";
import { CALLBACK_STATUSES, FIGURE_PERIODS, OUTBOX_STATUSES } from "../vocabulary.ts";

export const byIdSchema = z.object({ id: idSchema });

export const auditFilterSchema = z.object({
  contractId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const outboxFilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.number().int().min(1).max(500).default(100),
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
