import type { QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { isSessionKey, type ApiClient, type AppRouter } from "@uketsuke/web";

type Trpc = TRPCOptionsProxy<AppRouter>;

/**
 * The live feed refetches these whenever a report or callback changes, so data just fetched
 * (by the prefetch below) is not asked for again when home mounts.
 */
const FRESH_MS = 30_000;

/** The newest reports home shows. */
export const NEWEST = 8;

/** What home asks for: one place, so the components and the prefetch below use the same keys. */
export const homeQueries = (trpc: Trpc) => ({
  callbacks: trpc.callbacks.listOpen.queryOptions(undefined, { staleTime: FRESH_MS }),
  newest: trpc.reports.list.queryOptions({ limit: NEWEST }, { staleTime: FRESH_MS }),
  month: trpc.figures.thisMonth.queryOptions(undefined, { staleTime: FRESH_MS }),
});

/**
 * Right after a sign-in, home's data is asked for in the same tick as "who am I", so the batch
 * link sends all four in one request and home draws as soon as it mounts, one round trip sooner.
 * Only after a successful sign-in: asked for when no one is signed in, they would only be refused.
 */
export function prefetchHomeOnSignIn(queryClient: QueryClient, apiClient: ApiClient): () => void {
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: apiClient, queryClient });
  const loginKey = JSON.stringify(trpc.auth.login.mutationKey());
  let signedIn = false;
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "success" && JSON.stringify(event.mutation.options.mutationKey) === loginKey) signedIn = true;
  });
  const stopQueries = queryClient.getQueryCache().subscribe((event) => {
    if (!signedIn || event.type !== "updated" || event.action.type !== "fetch" || !isSessionKey(event.query.queryKey)) return;
    signedIn = false;
    const home = homeQueries(trpc);
    void queryClient.prefetchQuery(home.callbacks);
    void queryClient.prefetchQuery(home.newest);
    void queryClient.prefetchQuery(home.month);
  });
  return () => {
    stopMutations();
    stopQueries();
  };
}
