import type { ReactNode } from "react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { Locale } from "./locale.tsx";
import { LocaleProvider } from "./locale.tsx";
import { TRPCProvider, type ApiClient } from "./trpc.ts";

/** Everything a page of either app needs above it: queries, the API, the language. */
export function WebProvider({ queryClient, apiClient, locale, children }: { queryClient: QueryClient; apiClient: ApiClient; locale?: Locale; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <LocaleProvider {...(locale ? { initial: locale } : {})}>{children}</LocaleProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
