import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTRPC, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { count } from "../../ui/format.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { CsvExport } from "./csv-export.tsx";
import { ReportFilters } from "./report-filters.tsx";
import { isFiltered, readFilter, toListInput, writeFilter, type FilterParams } from "./report-filter.ts";
import { ReportRow } from "./report-row.tsx";

const PAGE = 50;

/** Every report of the contract, newest first, narrowed by the filters in the address bar. */
export default function ReportsPage() {
  const t = useText();
  const trpc = useTRPC();
  usePageTitle(m.navReports);
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const input = toListInput(filter);
  const roster = useQuery(trpc.roster.list.queryOptions());
  const reports = useInfiniteQuery(
    trpc.reports.list.infiniteQueryOptions({ ...input, limit: PAGE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const total = useQuery(trpc.reports.count.queryOptions(input));
  const setFilter = (next: FilterParams) => setParams(writeFilter(next), { replace: true });
  const rows = reports.data?.pages.flatMap((page) => page.reports) ?? [];

  return (
    <div className="page">
      <h1>{t(m.navReports)}</h1>
      <ReportFilters filter={filter} onChange={setFilter} roster={roster.data ?? []} />
      <div className="list-bar">
        <p className="list-bar__count" role="status" data-testid="report-count">
          {total.data !== undefined ? t(isFiltered(filter) ? m.matchingCount : m.totalCount, { n: count(total.data.count) }) : "\u00a0"}
        </p>
        <CsvExport input={input} total={total.data?.count ?? null} />
      </div>
      <section className="panel" aria-label={t(m.navReports)}>
        {reports.isPending ? (
          <Loading />
        ) : reports.isError ? (
          <LoadFailed error={reports.error} retry={() => void reports.refetch()} />
        ) : rows.length === 0 ? (
          <p className="empty" data-testid="no-results">
            {t(isFiltered(filter) ? m.noMatches : m.noReports)}
          </p>
        ) : (
          <ul className="report-list" data-testid="report-list">
            {rows.map((report) => (
              <ReportRow key={report.id} report={report} />
            ))}
          </ul>
        )}
        {reports.hasNextPage && (
          <p className="load-more">
            <button type="button" className="button" onClick={() => void reports.fetchNextPage()} disabled={reports.isFetchingNextPage}>
              {t(reports.isFetchingNextPage ? m.loading : m.loadMore)}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}
