import { z } from "zod";
import { callOutcomeSchema } from "./call.ts";
import { idSchema, isoInstantSchema } from "./common.ts";

export const byIdSchema = z.object({ id: idSchema });

export const reportFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  outcome: callOutcomeSchema.optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
