import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { isUnauthenticated } from "./errors.ts";
import { isSessionKey, SESSION_KEY } from "./query-client.ts";
import { useTRPC } from "./trpc.ts";

/**
 * Who is signed in, from `auth.me`. "signed-out" is the API's UNAUTHENTICATED answer, whether
 * the person never signed in or the session ended while they worked.
 */
export function useSession() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: Infinity }));
  if (me.data) return { status: "signed-in" as const, me: me.data };
  if (me.isPending) return { status: "loading" as const };
  if (isUnauthenticated(me.error)) return { status: "signed-out" as const };
  return { status: "error" as const, error: me.error, retry: () => void me.refetch() };
}

export type Session = ReturnType<typeof useSession>;
export type SignedInSession = Extract<Session, { status: "signed-in" }>;

/**
 * After signing in or out nothing cached for the previous person may show: drop every query,
 * then ask `auth.me` again (reset refetches it for the mounted session hook).
 */
export async function startFreshSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => !isSessionKey(query.queryKey) });
  queryClient.getMutationCache().clear();
  await queryClient.resetQueries({ queryKey: SESSION_KEY });
}

/** Signs out and forgets everything cached for this person before anyone else signs in. */
export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions());
  return {
    pending: logout.isPending,
    signOut: async () => {
      try {
        await logout.mutateAsync();
      } finally {
        await startFreshSession(queryClient);
      }
    },
  };
}
