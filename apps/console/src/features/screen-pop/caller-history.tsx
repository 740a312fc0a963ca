import { useQuery } from "@tanstack/react-query";
import { enumLabel, formatJst } from "@uketsuke/domain";
import { useLocale, useText, useTRPC } from "@uketsuke/web";
import { messages } from "../../messages.ts";

/**
 * Earlier calls from this number to this client, newest first, with what was reported: the
 * operator knows at once whether the caller rang before and about what.
 */
export function CallerHistory({ callId, hasNumber }: { callId: string; hasNumber: boolean }) {
  const t = useText();
  const { locale } = useLocale();
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.calls.history.queryOptions({ id: callId }), enabled: hasNumber, staleTime: 60_000 });
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t(messages.history)}</h2>
      {!hasNumber ? (
        <p className="muted">{t(messages.historyNoNumber)}</p>
      ) : history.isPending ? (
        <p className="muted">{t(messages.loading)}</p>
      ) : !history.data || history.data.calls.length === 0 ? (
        <p className="muted" data-history-empty>
          {t(messages.historyEmpty)}
        </p>
      ) : (
        <ol className="history" data-history>
          {history.data.calls.map((c) => (
            <li key={c.id} className="history__item">
              <p className="history__when tabular">
                {formatJst(new Date(c.ringAt))[locale]} · {t(enumLabel("callStatus", c.status))}
              </p>
              {c.report ? (
                <>
                  <p>
                    <strong>{[c.report.callerCompany, c.report.callerName].filter(Boolean).join(" ") || "—"}</strong> → {c.report.routedName} · {t(enumLabel("outcome", c.report.outcome))}
                  </p>
                  {c.report.message && <p className="history__message">{c.report.message}</p>}
                </>
              ) : (
                <p className="muted">{t(messages.historyNoReport)}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
