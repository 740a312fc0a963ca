import { useState } from "react";
import { formatPhoneNumber, ruleInfo } from "@uketsuke/domain";
import { appErrorOf, RuleNotice, useText, type LocalizedText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { longTime } from "../../ui/format.ts";
import { ForbiddenRequest } from "../../ui/forbidden-request.tsx";
import { useMarkCallbackDone } from "../callbacks/use-callbacks.ts";
import type { ReportDetail } from "./report-mail.tsx";

/**
 * R5: the caller asked to be called back. Until someone marks it done the reminders go on; once
 * done, who and when stay on the report. Right here a client also looks for "can you call them
 * for us" and "can you block this caller", so the answers (R4, R5) stand here too.
 */
export function ReportCallback({ report }: { report: ReportDetail }) {
  const t = useText();
  const markDone = useMarkCallbackDone();
  const [error, setError] = useState<LocalizedText | null>(null);
  const callback = report.callback;
  if (!callback) return null;

  async function done() {
    if (!callback) return;
    setError(null);
    try {
      await markDone.mutateAsync({ id: callback.id });
    } catch (e) {
      setError(appErrorOf(e)?.text ?? m.unreachable);
    }
  }

  const open = callback.status === "open";
  return (
    <section className={`panel report-callback${open ? " report-callback--open" : ""}`} aria-labelledby="report-callback-title" data-testid="report-callback">
      <h2 id="report-callback-title">{t(open ? m.callbackWaitingTitle : m.callbackDoneTitle)}</h2>
      {open ? (
        <>
          <RuleNotice rule="R5" text={ruleInfo("R5").summary} />
          {report.callbackNumber && (
            <p className="report-callback__number">
              <a className="tel-link tel-link--big" href={`tel:${report.callbackNumber}`}>
                <span aria-hidden="true">☎ </span>
                {formatPhoneNumber(report.callbackNumber)}
              </a>
            </p>
          )}
          <button type="button" className="button button--primary" onClick={() => void done()} disabled={markDone.isPending} data-testid="mark-done">
            {t(markDone.isPending ? m.markingDone : m.markDone)}
          </button>
          {error && (
            <p role="alert" className="field-error">
              {t(error)}
            </p>
          )}
        </>
      ) : (
        <p data-testid="callback-done-by">
          {t(m.callbackDoneBy, { name: callback.doneByName ?? "—", at: callback.doneAt ? t(longTime(callback.doneAt)) : "—" })}
        </p>
      )}
      <div className="forbidden-group">
        <ForbiddenRequest kind="outbound_call" question={m.askOutbound} />
        <ForbiddenRequest kind="block_caller" question={m.askBlock} />
      </div>
    </section>
  );
}
