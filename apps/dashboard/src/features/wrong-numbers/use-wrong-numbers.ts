import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";

export type WrongNumber = RouterOutputs["wrongNumbers"]["list"][number];

export function useWrongNumbers() {
  const trpc = useTRPC();
  return useQuery(trpc.wrongNumbers.list.queryOptions());
}

export function useWrongNumberMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.wrongNumbers.pathKey() });
  return {
    add: useMutation(trpc.wrongNumbers.add.mutationOptions({ onSuccess: refresh })),
    update: useMutation(trpc.wrongNumbers.update.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(trpc.wrongNumbers.remove.mutationOptions({ onSuccess: refresh })),
  };
}
