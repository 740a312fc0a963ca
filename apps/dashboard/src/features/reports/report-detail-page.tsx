import { Link, useParams } from "react-router";
import { appErrorOf, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { longTime } from "../../ui/format.ts";
import { NotFoundPage } from "../../ui/not-found.tsx";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { ReportCallback } from "./report-callback.tsx";
import { ReportMail } from "./report-mail.tsx";
import { ReportTimeline } from "./report-timeline.tsx";
import { useMarkOpened, useReport } from "./use-report.ts";

/** A report exactly as it was mailed, what happened to the mail, and the callback if one waits. */
export default function ReportDetailPage() {
  const { id = "" } = useParams();
  const t = useText();
  const report = useReport(id);
  useMarkOpened(id, report.isSuccess);
  usePageTitle(m.reportTitle, report.data ? t(report.data.fromWhom) : undefined);

  if (report.isPending) return <Loading />;
  if (report.isError) {
    // Another contract's report, a removed one and a mistyped id all look the same: not found.
    const code = appErrorOf(report.error)?.code;
    if (code === "NOT_FOUND" || code === "VALIDATION_FAILED") return <NotFoundPage />;
    return <LoadFailed error={report.error} retry={() => void report.refetch()} />;
  }
  const r = report.data;
  return (
    <article className="page report-detail" aria-labelledby="report-title" data-testid="report-detail">
      <p className="breadcrumb">
        <Link to="/reports">{t(m.navReports)}</Link>
      </p>
      <header className="report-detail__head">
        <h1 id="report-title">{t(r.fromWhom)}</h1>
        <p className="report-detail__when">{t(m.receivedAt, { at: t(longTime(r.receivedAt)) })}</p>
        <p className="report-detail__outcome">
          <span className="tag">{t(r.outcomeLabel)}</span>
        </p>
      </header>
      {r.callback && <ReportCallback report={r} />}
      <div className="report-detail__columns">
        <ReportMail report={r} />
        <ReportTimeline timeline={r.timeline} />
      </div>
    </article>
  );
}
