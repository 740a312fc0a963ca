import type { TRPCRouterRecord } from "@trpc/server";
import { byIdSchema, outboxFilterSchema, outboxRetryAllSchema, refuse } from "@uketsuke/domain";
import {
  countOutboxByStatus,
  getCapturedMail,
  getOutbox,
  inTransaction,
  listCapturedMail,
  listOutbox,
  outboxHeaders,
  retryAllFailed,
  retryFailed,
} from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { supervisorProcedure } from "../../trpc.ts";

/** The outbox and, with no SMTP configured, the mail captured instead of sent. */
export const adminMailRouter = {
  outbox: supervisorProcedure.input(outboxFilterSchema).query(({ ctx, input }) => listOutbox(ctx.db, input)),

  /** How many mails are in each status (the filter's counts). */
  counts: supervisorProcedure.query(({ ctx }) => countOutboxByStatus(ctx.db)),

  /** One mail as the client receives it: its headers, its HTML and its plain text. */
  outboxItem: supervisorProcedure.input(byIdSchema).query(async ({ ctx, input }) => {
    const mail = (await getOutbox(ctx.db, input.id)) ?? refuse("NOT_FOUND");
    return { ...mail, headers: outboxHeaders(mail) };
  }),

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

  /** Every failed mail (or one contract's) back to the queue at once: after an outage is over. */
  retryAll: supervisorProcedure.input(outboxRetryAllSchema).mutation(({ ctx, input }) =>
    inTransaction(ctx.db, async (trx) => {
      const ids = await retryAllFailed(trx, ctx.clock().toISOString(), input);
      if (ids.length > 0) {
        await audit(trx, ctx, { action: "outbox.retry_all", entity: "outbox", contractId: input.contractId ?? null, detail: { count: ids.length, ids } });
      }
      return { retried: ids.length };
    }),
  ),

  captured: supervisorProcedure.query(({ ctx }) => listCapturedMail(ctx.db, { limit: 200 })),

  capturedItem: supervisorProcedure.input(byIdSchema).query(async ({ ctx, input }) => (await getCapturedMail(ctx.db, input.id)) ?? refuse("NOT_FOUND")),
} satisfies TRPCRouterRecord;
