import { useCallback, useState } from "react";
import { flushSync } from "react-dom";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { appErrorOf, useTRPC, type AppError } from "@uketsuke/web";
import { useDropFromQueue } from "./use-queue.ts";

export type AnswerRefusal = AppError | "unreachable";

/**
 * Answering claims the call: exactly one operator wins. The winner goes straight to the screen
 * pop, which came back with the claim; a loser is told in plain words and the call leaves their
 * queue.
 */
export function useAnswer() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const drop = useDropFromQueue();
  const [refusal, setRefusal] = useState<AnswerRefusal | null>(null);
  const claim = useMutation(trpc.calls.answer.mutationOptions());

  const answer = useCallback(
    async (callId: string) => {
      if (claim.isPending) return;
      setRefusal(null);
      try {
        // One round trip: the claim comes back with the screen pop, which the call's page finds cached.
        const pop = await claim.mutateAsync({ id: callId });
        queryClient.setQueryData(trpc.calls.screenPop.queryKey({ id: callId }), pop);
        // Drawn in this task, not whenever the scheduler next gets to it: the caller is waiting.
        flushSync(() => {
          drop(callId);
          void navigate(`/calls/${callId}`);
        });
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
