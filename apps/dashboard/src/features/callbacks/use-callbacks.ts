import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@uketsuke/web";
import { homeQueries } from "../home/home-queries.ts";

/** Open callbacks, oldest first (the API's order): the caller who has waited longest leads. */
export function useOpenCallbacks() {
  const trpc = useTRPC();
  return useQuery(homeQueries(trpc).callbacks);
}

/** Marks a callback done; every list that shows callbacks or reports refreshes. */
export function useMarkCallbackDone() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.callbacks.markDone.mutationOptions({
      onSettled: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.callbacks.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() }),
        ]);
      },
    }),
  );
}

/**
 * Minutes a caller has waited, counted on from the server's figure at fetch time: the server's
 * clock decides the age, the browser only adds the minutes that pass while the page is open.
 */
export function useWaitedMinutes(ageMinutesAtFetch: number, fetchedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return ageMinutesAtFetch + Math.max(0, Math.floor((now - fetchedAt) / 60_000));
}
