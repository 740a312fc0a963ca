import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@uketsuke/api";

export type { AppRouter };
export type ApiClient = TRPCClient<AppRouter>;

/**
 * One client for both apps, same origin as the page (the server serves the built apps; Vite
 * proxies /trpc in development), so the session cookie rides along and there is no CORS.
 * Live views are SSE subscriptions. Mutations go one request each: they are single actions a
 * person took (answer, save), which should not wait for a batch to fill, and the server refuses
 * batches of public procedures (sign-in and invitation links: throttling must count every
 * attempt). Queries, which pages fire several at a time, are batched.
 */
export function createApiClient(url = "/trpc"): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url }),
        false: splitLink({
          condition: (op) => op.type === "mutation" || op.path.startsWith("auth.") || op.path.startsWith("invitations."),
          true: httpLink({ url }),
          false: httpBatchLink({ url, maxItems: 10, maxURLLength: 2000 }),
        }),
      }),
    ],
  });
}

/** `useTRPC()` gives the options proxy: `useQuery(trpc.calls.queue.queryOptions())`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
