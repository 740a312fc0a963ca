import { tracked, type TRPCRouterRecord } from "@trpc/server";
import type { z } from "zod";
import { liveInputSchema } from "@uketsuke/domain";
import { eventsFor } from "../events/subscribe.ts";
import { clientProcedure, operatorProcedure } from "../trpc.ts";

/** tRPC passes the last event id it saw back in on reconnect (tracked events over SSE). */
const liveInput = liveInputSchema;

const lastIdOf = (input: z.output<typeof liveInput>) => {
  const id = Number(input?.lastEventId ?? Number.NaN);
  return Number.isSafeInteger(id) && id >= 0 ? id : null;
};

export const liveRouter = {
  /**
   * The operator queue: a call rings, is claimed, ends. Every console sees every call (operators
   * answer for all contracts). `resync` means "refetch calls.queue": events were missed.
   */
  queue: operatorProcedure.input(liveInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = eventsFor(ctx.bus, {
      signal,
      lastEventId: lastIdOf(input),
      holder: ctx.sessionId,
      accept: (s) => s.event.type.startsWith("call."),
    });
    for await (const item of stream) {
      if ("resync" in item) yield tracked(String(item.resync), { type: "resync" as const });
      else yield tracked(String(item.id), item.event);
    }
  }),

  /** A client's new reports and callbacks — only its own contract's, by construction. */
  contract: clientProcedure.input(liveInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = eventsFor(ctx.bus, {
      signal,
      lastEventId: lastIdOf(input),
      holder: ctx.sessionId,
      accept: (s) =>
        (s.event.type.startsWith("report.") || s.event.type.startsWith("callback.")) && s.event.contractId === ctx.contractId,
    });
    for await (const item of stream) {
      if ("resync" in item) yield tracked(String(item.resync), { type: "resync" as const });
      else yield tracked(String(item.id), item.event);
    }
  }),
} satisfies TRPCRouterRecord;
