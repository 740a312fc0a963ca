import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";
import type { Draft } from "./draft.ts";

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export type Assessment = RouterOutputs["calls"]["assess"];

const clip = (text: string, max: number) => (text.trim() ? Array.from(text.trim()).slice(0, max).join("") : undefined);

/**
 * While the caller speaks: the server's reading of what was heard (R6 look-alikes, R10 other
 * company, R7 routing), asked a quarter-second after typing pauses. The previous answer stays
 * on screen meanwhile, so the hints do not flicker.
 */
export function useAssess(callId: string, draft: Draft) {
  const trpc = useTRPC();
  const company = clip(draft.companyHeard, 200);
  const requestedPerson = clip(draft.requestedPerson, 60);
  const input = useDebounced(
    JSON.stringify({ callId, ...(company ? { company } : {}), ...(requestedPerson ? { requestedPerson } : {}) }),
    250,
  );
  return useQuery({
    ...trpc.calls.assess.queryOptions(JSON.parse(input) as { callId: string; company?: string; requestedPerson?: string }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
