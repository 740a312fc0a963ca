import { Link } from "react-router";
import { enumLabel, fromWhom } from "@uketsuke/domain";
import { useText } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";
import { m } from "../../messages.ts";
import { shortTime } from "../../ui/format.ts";

export type ReportSummary = RouterOutputs["reports"]["list"]["reports"][number];

/**
 * One report in a list: when, from whom, what about, and whether someone waits for a callback.
 * The whole row is one link to the report, so a thumb can hit it on a phone.
 */
export function ReportRow({ report }: { report: ReportSummary }) {
  const t = useText();
  const who = fromWhom({ company: report.callerCompany ?? undefined, name: report.callerName ?? undefined });
  return (
    <li className="report-row" data-testid="report-row" data-report-id={report.id}>
      <Link to={`/reports/${report.id}`} className="report-row__link">
        <span className="report-row__time tabular">{t(shortTime(report.receivedAt))}</span>
        <span className="report-row__who">{t(who)}</span>
        <span className="report-row__message">{report.message}</span>
        <span className="report-row__tags">
          {report.callbackStatus === "open" && <span className="tag tag--urgent">{t(m.tagCallbackWaiting)}</span>}
          {report.callbackStatus === "done" && <span className="tag tag--done">{t(m.tagCallbackDone)}</span>}
          {report.outcome !== "message" && <span className="tag">{t(enumLabel("outcome", report.outcome))}</span>}
          <span className="report-row__to">{t(m.reportedTo, { name: report.routedName })}</span>
        </span>
      </Link>
    </li>
  );
}
