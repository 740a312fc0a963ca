import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@uketsuke/web";

/** Retrying one failed mail or all of them; the outbox views show the new state afterwards. */
export function useRetry() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.mail.pathKey() });
  const one = useMutation(trpc.admin.mail.retry.mutationOptions({ onSettled: refresh }));
  const all = useMutation(trpc.admin.mail.retryAll.mutationOptions({ onSettled: refresh }));
  return { one, all };
}
