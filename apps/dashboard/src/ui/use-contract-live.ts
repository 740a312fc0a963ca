import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useLiveStatus, useTRPC, type LiveStatus, type LocalizedText } from "@uketsuke/web";
import { m } from "../messages.ts";

/**
 * The contract's live feed (SSE): a new report or a callback opened or done anywhere refreshes
 * what the pages show, and a short sentence goes to the screen reader's live region.
 */
export function useContractLive(): { status: LiveStatus; announcement: LocalizedText | null } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState<LocalizedText | null>(null);
  const subscription = useSubscription(
    trpc.live.contract.subscriptionOptions(undefined, {
      onData(item) {
        const event = item.data;
        // "resync": events were missed while away; everything this feed touches is refetched.
        void queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.figures.pathKey() });
        if (event.type === "report.created") setAnnouncement(m.liveNewReport);
        else if (event.type === "callback.created") setAnnouncement(m.liveNewCallback);
      },
    }),
  );
  return { status: useLiveStatus(subscription), announcement };
}
