import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";

export type RosterMember = RouterOutputs["roster"]["list"][number];

export function useRoster() {
  const trpc = useTRPC();
  return useQuery(trpc.roster.list.queryOptions());
}

/** Add, edit, remove and reorder; each refetches the roster (and the reports' person filter). */
export function useRosterMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });
  return {
    add: useMutation(trpc.roster.add.mutationOptions({ onSuccess: refresh })),
    update: useMutation(trpc.roster.update.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(trpc.roster.remove.mutationOptions({ onSuccess: refresh })),
    reorder: useMutation(
      trpc.roster.reorder.mutationOptions({
        onSuccess: (roster) => queryClient.setQueryData(trpc.roster.list.queryKey(), roster),
        onError: refresh,
      }),
    ),
  };
}
