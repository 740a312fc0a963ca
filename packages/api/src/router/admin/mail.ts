import type { TRPCRouterRecord } from "@trpc/server";
import { byIdSchema, outboxFilterSchema, refuse } from "@uketsuke/domain";
import { getCapturedMail, getOutbox, inTransaction, listCapturedMail, listOutbox, retryFailed } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { supervisorProcedure } from "../../trpc.ts";

/** The outbox and, with no SMTP configured, the mail captured instead of sent. */
export const adminMailRouter = {
  outbox: supervisorProcedure.input(outboxFilterSchema).query(({ ctx, input }) => listOutbox(ctx.db, input)),

  outboxItem: supervisorProcedure.input(byIdSchema).query(async ({ ctx, input }) => (await getOutbox(ctx.db, input.id)) ?? refuse("NOT_FOUND")),

  /** A failed mail goes back to the queue, its attempts and last error kept for the record. */
  retry: supervisorProcedure.input(byIdSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const existing = await getOutbox(trx, input.id);
      if (!existing) return refuse("NOT_FOUND");
      const retried = await retryFailed(trx, input.id, ctx.clock().toISOString());
      if (!retried) return refuse("OUTBOX_NOT_FAILED");
      await audit(trx, ctx, { action: "outbox.retry", entity: "outbox", entityId: input.id });
      return retried;
    }),
  ),

  captured: supervisorProcedure.query(({ ctx }) => listCapturedMail(ctx.db, { limit: 200 })),

  capturedItem: supervisorProcedure.input(byIdSchema).query(async ({ ctx, input }) => (await getCapturedMail(ctx.db, input.id)) ?? refuse("NOT_FOUND")),
} satisfies TRPCRouterRecord;
