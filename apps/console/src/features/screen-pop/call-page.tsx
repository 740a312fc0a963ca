import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { formatPhoneNumber, messageInputSchema } from "@uketsuke/domain";
import { appErrorOf, RuleNotice, useFieldErrors, useText, useTRPC, type AppError } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";
import { messages } from "../../messages.ts";
import { useShortcut } from "../../ui/shortcuts.ts";
import { emptyDraft, toMessageInput } from "../message-form/draft.ts";
import { fieldId, FORM, MessageForm } from "../message-form/message-form.tsx";
import { ReportPreview, type PreviewMail } from "../message-form/report-preview.tsx";
import { useAssess } from "../message-form/use-assess.ts";
import { useCallDraft } from "../message-form/use-call-draft.ts";
import { WrapUp } from "../message-form/wrap-up.tsx";
import type { QueueItem } from "../queue/queue-events.ts";
import { useAnswer } from "../queue/use-answer.ts";
import { QUEUE_KEY, useCallEnded } from "../queue/use-queue.ts";
import { AnswerBanner } from "./answer-banner.tsx";
import { CallerHistory } from "./caller-history.tsx";
import { RosterPanel } from "./roster-panel.tsx";
import { romajiOf } from "./roster-search.ts";
import { WrongNumberPanel } from "./wrong-number-panel.tsx";

type ScreenPop = RouterOutputs["calls"]["screenPop"];
type Refusal = AppError | "unreachable" | null;

const refusalOf = (error: unknown): Refusal => appErrorOf(error) ?? "unreachable";

/** The call's page: loads the screen pop, then the workspace. A call that is not yours says so. */
export default function CallPage({ callId }: { callId: string }) {
  const t = useText();
  const trpc = useTRPC();
  const pop = useQuery({ ...trpc.calls.screenPop.queryOptions({ id: callId }), staleTime: Infinity });
  if (pop.isPending) return <p className="page-loading">{t(messages.loading)}</p>;
  if (pop.isError) {
    const app = appErrorOf(pop.error);
    return (
      <main id="main" className="call" tabIndex={-1}>
        <div role="alert">{app ? <RuleNotice rule={app.rule} text={app.text} /> : <p>{t(messages.unreachable)}</p>}</div>
        <p>
          <Link to="/">{t(messages.backToDesk)}</Link>
        </p>
      </main>
    );
  }
  return <CallWorkspace callId={callId} pop={pop.data} />;
}

function CallWorkspace({ callId, pop }: { callId: string; pop: ScreenPop }) {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { answer } = useAnswer();
  const roster = useMemo(() => pop.roster.map((m) => ({ ...m, romaji: romajiOf(m) })), [pop.roster]);
  const fresh = useMemo(() => emptyDraft(pop.call.fromNumber ? formatPhoneNumber(pop.call.fromNumber) : ""), [pop.call.fromNumber]);
  const call = useCallDraft(callId, fresh);
  const assess = useAssess(callId, call.draft);
  const errors = useFieldErrors(FORM);
  const [mail, setMail] = useState<PreviewMail | null>(null);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [focusError, setFocusError] = useState(0);
  const preview = useMutation(trpc.calls.preview.mutationOptions());
  const save = useMutation(trpc.calls.saveMessage.mutationOptions());
  const end = useMutation(trpc.calls.end.mutationOptions());
  // The caller hung up (the provider's hang-up event), not this operator: say so, keep the form.
  const hungUp = useCallEnded(callId) && !call.ended && end.isIdle;
  const ended = call.ended || hungUp;

  // While on a call, "answer the oldest" does nothing: one call at a time.
  useShortcut("answerOldest", () => undefined, call.saved === null);

  useEffect(() => {
    if (focusError === 0) return;
    const first = errors.problems[0];
    if (first) document.getElementById(fieldId(first.path))?.focus();
  }, [focusError, errors.problems]);

  const input = () => toMessageInput(callId, call.draft);

  async function showPreview() {
    setRefusal(null);
    if (!errors.check(messageInputSchema, input())) return setFocusError((n) => n + 1);
    try {
      setMail(await preview.mutateAsync(input()));
    } catch (error) {
      const app = errors.fromServer(error);
      if (app?.fields.length) setFocusError((n) => n + 1);
      else setRefusal(refusalOf(error));
    }
  }

  async function saveReport() {
    if (save.isPending) return;
    setRefusal(null);
    try {
      const saved = await save.mutateAsync(input());
      call.markSaved({ routedTo: saved.routedTo, callbackId: saved.callbackId });
      setMail(null);
    } catch (error) {
      const app = appErrorOf(error);
      if (app?.code === "CALL_ALREADY_REPORTED") return setRefusal(app);
      if (app?.fields.length) {
        errors.fromServer(error);
        setMail(null);
        return setFocusError((n) => n + 1);
      }
      setRefusal(refusalOf(error));
    }
  }

  async function endCall() {
    try {
      await end.mutateAsync({ id: callId });
    } catch {
      // Already ended (the caller hung up first): the call is over either way.
    }
    call.markEnded();
  }

  async function nextCall() {
    if (!ended) await endCall();
    call.forget();
    const oldest = queryClient.getQueryData<readonly QueueItem[]>(QUEUE_KEY)?.[0];
    if (oldest) await answer(oldest.id);
    else await navigate("/");
  }

  function backToForm() {
    setMail(null);
    requestAnimationFrame(() => document.getElementById("preview-button")?.focus());
  }

  const matchedIds = new Set(assess.data?.wrongNumber.matches.map((m) => m.entryId) ?? []);

  return (
    <main id="main" className="call" data-call-id={callId} data-screen-pop="ready">
      <AnswerBanner answerName={pop.contract.answerName} phrase={pop.answerPhrase} fromNumber={pop.call.fromNumber} answeredAt={pop.call.answeredAt} ended={ended} />
      <div role="status" className="call__status">
        {hungUp && (
          <p className="notice notice--warn" data-hung-up>
            {t(call.saved ? messages.callEnded : messages.callEndedByCaller)}
          </p>
        )}
      </div>
      <div className="call__grid">
        <div className="call__work">
          {call.saved ? (
            <WrapUp saved={call.saved} ended={ended} busy={end.isPending} onEnd={() => void endCall()} onNext={() => void nextCall()} />
          ) : mail ? (
            <ReportPreview mail={mail} saving={save.isPending} refusal={refusal} onEdit={backToForm} onSave={() => void saveReport()} />
          ) : (
            <MessageForm
              draft={call.draft}
              patch={call.patch}
              restored={call.restored}
              answerName={pop.contract.answerName}
              roster={roster}
              testCallGuidance={pop.testCallGuidance}
              assess={assess.data}
              assessing={assess.isFetching}
              errors={errors}
              refusal={refusal}
              previewing={preview.isPending}
              onPreview={() => void showPreview()}
            />
          )}
        </div>
        <div className="call__context">
          <section className="panel" aria-labelledby="script-title">
            <h2 id="script-title">{t(messages.script)}</h2>
            <p className="script">{pop.contract.script || t(messages.scriptEmpty)}</p>
          </section>
          <RosterPanel roster={roster} onPick={(name) => call.patch({ requestedPerson: name })} />
          <WrongNumberPanel entries={pop.wrongNumbers} matched={matchedIds} />
          <CallerHistory callId={callId} hasNumber={pop.call.fromNumber !== ""} />
        </div>
      </div>
    </main>
  );
}
