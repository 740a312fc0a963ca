import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { homeQueries } from "./home-queries.ts";
import { ReportRow } from "../reports/report-row.tsx";

/** The newest reports; the live feed refetches them as they arrive (see use-contract-live). */
export function NewestReports() {
  const t = useText();
  const trpc = useTRPC();
  const reports = useQuery(homeQueries(trpc).newest);
  return (
    <section className="panel" aria-labelledby="newest-reports-title" data-testid="newest-reports">
      <h2 id="newest-reports-title">{t(m.newestReportsTitle)}</h2>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <LoadFailed error={reports.error} retry={() => void reports.refetch()} />
      ) : reports.data.reports.length === 0 ? (
        <p className="empty">{t(m.noReports)}</p>
      ) : (
        <ul className="report-list" aria-live="polite" aria-relevant="additions">
          {reports.data.reports.map((report) => (
            <ReportRow key={report.id} report={report} />
          ))}
        </ul>
      )}
      <p className="panel__more">
        <Link to="/reports">{t(m.allReports)}</Link>
      </p>
    </section>
  );
}
