import { useCallback, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useLiveStatus, useText, useTRPC, useTRPCClient, type LiveStatus } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { useAnnouncer } from "../../ui/announcer.tsx";
import { usePhoneFormat } from "../../ui/phone.ts";
import { applyQueueEvent, QueueJournal, type QueueEvent, type QueueItem } from "./queue-events.ts";

export const QUEUE_KEY = ["console", "queue"] as const;

/** Set when `live.queue` says a call ended (the caller hung up, or an operator ended it). */
const endedKey = (callId: string) => ["console", "ended", callId] as const;

/** Whether the live queue has seen this call end: the call's page tells the operator the caller hung up. */
export function useCallEnded(callId: string): boolean {
  return useQuery({ queryKey: endedKey(callId), queryFn: () => false, initialData: false, staleTime: Infinity }).data;
}

const QUEUE_TYPES = new Set(["call.ringing", "call.claimed", "call.ended", "resync"]);

/**
 * The live queue: `calls.queue` once, then `live.queue` events applied as they come, so a new
 * call is drawn from its event without another round trip. Whenever the stream (re)starts, and
 * on `resync`, the queue is fetched again; events that arrive while that fetch is on its way are
 * applied again on top of its answer, so a call ringing at that moment is never dropped.
 */
export function useQueue(myUserId: string): { items: readonly QueueItem[]; pending: boolean; live: LiveStatus } {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const t = useText();
  const { announce } = useAnnouncer();
  const displayNumber = usePhoneFormat();
  const [journal] = useState(() => new QueueJournal());

  const queue = useQuery({
    queryKey: QUEUE_KEY,
    queryFn: async (): Promise<readonly QueueItem[]> => {
      const mark = journal.mark();
      const rows = await client.calls.queue.query();
      return journal.replaySince(
        mark,
        rows.map((r) => ({ id: r.id, contractId: r.contractId, answerName: r.answerName, fromNumber: r.fromNumber, ringAt: r.ringAt })),
      );
    },
  });

  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: QUEUE_KEY }), [queryClient]);

  const onEvent = useCallback(
    (event: QueueEvent) => {
      if (event.type === "resync") return refetch();
      journal.record(event);
      if (event.type === "call.ended") queryClient.setQueryData(endedKey(event.callId), true);
      const before = queryClient.getQueryData<readonly QueueItem[]>(QUEUE_KEY);
      if (before) queryClient.setQueryData<readonly QueueItem[]>(QUEUE_KEY, applyQueueEvent(before, event));
      if (event.type === "call.ringing") {
        announce(t(messages.announceRinging, { answerName: event.answerName, number: displayNumber(event.from, t(messages.numberWithheld)) }), { ring: true });
      } else if (event.type === "call.claimed" && event.operatorId !== myUserId) {
        const taken = before?.find((i) => i.id === event.callId);
        if (taken) announce(t(messages.announceTaken, { answerName: taken.answerName }));
      }
    },
    [announce, displayNumber, journal, myUserId, queryClient, refetch, t],
  );

  const subscription = useSubscription(
    trpc.live.queue.subscriptionOptions(undefined, {
      onStarted: refetch,
      onData: (envelope) => {
        const event = envelope.data as { type: string };
        if (QUEUE_TYPES.has(event.type)) onEvent(event as QueueEvent);
      },
    }),
  );

  return { items: queue.data ?? [], pending: queue.isPending, live: useLiveStatus(subscription) };
}

/** Takes a call out of this console's queue at once (answered here, or answered elsewhere). */
export function useDropFromQueue() {
  const queryClient = useQueryClient();
  return useCallback(
    (callId: string) => {
      const before = queryClient.getQueryData<readonly QueueItem[]>(QUEUE_KEY);
      if (before) queryClient.setQueryData<readonly QueueItem[]>(QUEUE_KEY, before.filter((i) => i.id !== callId));
    },
    [queryClient],
  );
}
