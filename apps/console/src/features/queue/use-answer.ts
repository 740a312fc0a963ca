import { useCallback, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { appErrorOf, useTRPC, type AppError } from "@uketsuke/web";
import { useDropFromQueue } from "./use-queue.ts";

export type AnswerRefusal = AppError | "unreachable";

/**
 * Answering claims the call: exactly one operator wins. The winner goes straight to the screen
 * pop (its data is requested at once, before the page's code has even loaded); a loser is told
 * in plain words and the call leaves their queue.
 */
export function useAnswer() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const drop = useDropFromQueue();
  const [refusal, setRefusal] = useState<AnswerRefusal | null>(null);
  const claim = useMutation(trpc.calls.claim.mutationOptions());

  const answer = useCallback(
    async (callId: string) => {
      if (claim.isPending) return;
      setRefusal(null);
      try {
        await claim.mutateAsync({ id: callId });
        drop(callId);
        void queryClient.prefetchQuery(trpc.calls.screenPop.queryOptions({ id: callId }));
        await navigate(`/calls/${callId}`);
      } catch (error) {
        const app = appErrorOf(error);
        if (app?.code === "CALL_ALREADY_CLAIMED" || app?.code === "NOT_FOUND") drop(callId);
        setRefusal(app ?? "unreachable");
      }
    },
    [claim, drop, navigate, queryClient, trpc],
  );

  return { answer, answering: claim.isPending ? claim.variables?.id : undefined, refusal, dismiss: () => setRefusal(null) };
}
