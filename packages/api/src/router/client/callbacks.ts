import type { TRPCRouterRecord } from "@trpc/server";
import { assertCallbackOpen, byIdSchema, formatAge, formatPhoneNumber, fromWhom, refuse } from "@uketsuke/domain";
import { getCallback, inTransaction, listOpenCallbacks, markCallbackDone } from "@uketsuke/db";
import { audit } from "../../audit.ts";
import { clientProcedure } from "../../trpc.ts";

/** R5: a caller waiting for a callback is the client's to call back, urgently. */
export const callbacksRouter = {
  /**
   * Open callbacks, oldest first, with how long each caller has waited and the number to call
   * as people write it (formatted here, so the dashboard's first screen carries no phone tables).
   */
  listOpen: clientProcedure.query(async ({ ctx }) => {
    const now = ctx.clock();
    const open = await listOpenCallbacks(ctx.db, ctx.contractId);
    return open.map((c) => ({
      ...c,
      fromWhom: fromWhom({ company: c.callerCompany, name: c.callerName }),
      ageMinutes: Math.floor((now.getTime() - Date.parse(c.requestedAt)) / 60_000),
      age: formatAge(new Date(c.requestedAt), now),
      callbackNumberDisplay: c.callbackNumber ? formatPhoneNumber(c.callbackNumber) : null,
    }));
  }),

  markDone: clientProcedure.input(byIdSchema).mutation(async ({ ctx, input }) => {
    const done = await inTransaction(ctx.db, async (trx) => {
      const now = ctx.clock().toISOString();
      const done = await markCallbackDone(trx, ctx.contractId, input.id, ctx.user.id, now);
      if (!done) {
        const existing = await getCallback(trx, ctx.contractId, input.id);
        if (!existing) return refuse("NOT_FOUND");
        assertCallbackOpen(existing.status);
        return refuse("NOT_FOUND");
      }
      await audit(trx, ctx, { action: "callback.done", entity: "callback", entityId: done.id, contractId: ctx.contractId });
      return done;
    });
    // After the commit: a dashboard that refetches on the event must see the callback done.
    ctx.bus.publish({ type: "callback.done", callbackId: done.id, contractId: ctx.contractId });
    return done;
  }),
} satisfies TRPCRouterRecord;
