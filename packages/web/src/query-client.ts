import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { appErrorOf, isUnauthenticated } from "./errors.ts";

/** The query key prefix of `auth.me`, the one query that says who is signed in. */
export const SESSION_KEY = [["auth", "me"]] as const;

export function isSessionKey(key: readonly unknown[] | undefined): boolean {
  return JSON.stringify(key?.[0]) === JSON.stringify(SESSION_KEY[0]);
}

/**
 * An UNAUTHENTICATED answer from any procedure (an expired session, a sign-out in another tab)
 * drops the session query, so the app shows its sign-in form where the person was; the page's
 * address stays, so signing in again returns them to the same place.
 */
export function createQueryClient(options: { onUnauthenticated?: (client: QueryClient) => void } = {}): QueryClient {
  const onUnauthenticated = options.onUnauthenticated ?? ((client: QueryClient) => void client.resetQueries({ queryKey: SESSION_KEY }));
  const onError = (error: unknown, key?: readonly unknown[]) => {
    // The session query itself failing this way is the ordinary "not signed in" state.
    if (isUnauthenticated(error) && !isSessionKey(key)) onUnauthenticated(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        // A refusal (4xx) will not change on retry; a dropped connection may.
        retry: (count, error) => appErrorOf(error) === null && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
