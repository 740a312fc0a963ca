import { useMutation } from "@tanstack/react-query";
import type { ServiceRequestKind } from "@uketsuke/domain";
import { appErrorOf, RuleNotice, useText, useTRPC, type LocalizedText } from "@uketsuke/web";
import { m } from "../messages.ts";

/**
 * Something clients ask for that the rules answer with "no" (change the subject, call someone,
 * block a caller, add a group company). It stands where a client would look for it and, asked,
 * gives the agency's own answer from the server (`contract.request`) instead of hiding the option.
 */
export function ForbiddenRequest({ kind, question }: { kind: ServiceRequestKind; question: LocalizedText }) {
  const t = useText();
  const trpc = useTRPC();
  const ask = useMutation(trpc.contract.request.mutationOptions());
  const answer = ask.error ? appErrorOf(ask.error) : null;
  const answerId = `forbidden-${kind}-answer`;
  return (
    <div className="forbidden" data-testid={`forbidden-${kind}`}>
      <button
        type="button"
        className="button button--quiet forbidden__ask"
        aria-expanded={ask.isError}
        aria-controls={answerId}
        onClick={() => (ask.isError ? ask.reset() : ask.mutate({ kind }))}
        disabled={ask.isPending}
      >
        <span aria-hidden="true">？</span> {t(question)}
      </button>
      <div id={answerId} aria-live="polite">
        {answer && <RuleNotice rule={answer.rule} text={answer.text} />}
        {ask.isError && !answer && <p className="field-error">{t(m.unreachable)}</p>}
      </div>
    </div>
  );
}
