import * as z from "zod";
import { callOutcomeSchema } from "./call.ts";
import { idSchema, isoInstantSchema } from "./common.ts";
import { OUTBOX_STATUSES } from "../vocabulary.ts";

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
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** Live subscriptions: tRPC hands back the last event id a reconnecting client saw. */
export const liveInputSchema = z.object({ lastEventId: z.string().max(40).nullish() }).optional();
