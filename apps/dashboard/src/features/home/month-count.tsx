import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { enumLabel } from "@uketsuke/domain";
import { useTRPC, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { count } from "../../ui/format.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { homeQueries } from "./home-queries.ts";

/** This Tokyo calendar month's calls, and how they ended. */
export function MonthCount() {
  const t = useText();
  const trpc = useTRPC();
  const month = useQuery(homeQueries(trpc).month);
  return (
    <section className="panel" aria-labelledby="month-count-title" data-testid="month-count">
      <h2 id="month-count-title">{t(m.monthCountTitle)}</h2>
      {month.isPending ? (
        <Loading />
      ) : month.isError ? (
        <LoadFailed error={month.error} retry={() => void month.refetch()} />
      ) : (
        <>
          <p className="big-number">
            <span className="tabular" data-testid="month-total">
              {count(month.data.total)}
            </span>
            <span className="big-number__unit">{t(m.callsUnit)}</span>
          </p>
          <dl className="outcome-counts">
            {month.data.byOutcome.map(({ outcome, count: n }) => (
              <div key={outcome}>
                <dt>{t(enumLabel("outcome", outcome))}</dt>
                <dd className="tabular">{count(n)}</dd>
              </div>
            ))}
          </dl>
          <p className="panel__more">
            <Link to="/figures">{t(m.seeFigures)}</Link>
          </p>
        </>
      )}
    </section>
  );
}
