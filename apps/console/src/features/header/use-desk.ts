import { useQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@uketsuke/web";
import { setServerTime } from "../../ui/clock.ts";

/**
 * The operator's desk as the server sees it: its time (for ring timers), whether the agency is
 * open (R9) and this operator's sender address (R2). Asked again every minute, so "open until"
 * turns into "closed" on time.
 */
export function useDesk() {
  const client = useTRPCClient();
  return useQuery({
    queryKey: ["console", "desk"],
    refetchInterval: 60_000,
    queryFn: async () => {
      const sentAt = Date.now();
      const desk = await client.calls.desk.query();
      setServerTime(desk.now, sentAt, Date.now());
      return desk;
    },
  });
}
