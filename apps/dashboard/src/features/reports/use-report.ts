import { useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@uketsuke/web";

/** One report as mailed, with its timeline. */
export function useReport(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.reports.get.queryOptions({ id }, { retry: false }));
}

/**
 * Tells the server this person has the report in front of them, once per visit; the first
 * such visit per report becomes "opened" on its timeline.
 */
export function useMarkOpened(id: string, shown: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutate } = useMutation(
    trpc.reports.markOpened.mutationOptions({
      onSuccess: (result) => {
        if (result.first) void queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id }) });
      },
    }),
  );
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!shown || sent.current === id) return;
    sent.current = id;
    mutate({ id });
  }, [id, shown, mutate]);
}
