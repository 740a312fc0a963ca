import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { enumLabel, enumOptions, fieldLabel } from "@uketsuke/domain";
import { useText, useTRPC } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { count } from "../../ui/format.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { BarChart } from "./bar-chart.tsx";

type Period = ReturnType<typeof enumOptions<"figurePeriod">>[number]["value"];

/** Calls per day, by hour of the day and by outcome, for a period of Japan calendar days. */
export default function FiguresPage() {
  const t = useText();
  const trpc = useTRPC();
  usePageTitle(m.navFigures);
  const [period, setPeriod] = useState<Period>("thisMonth");
  const figures = useQuery(trpc.figures.get.queryOptions({ period }));
  const days = figures.data?.days;
  const hours = figures.data?.hours;
  const dayLabels = useMemo(() => days?.map((d) => d.date.slice(5).replace("-", "/")) ?? [], [days]);
  const dayValues = useMemo(() => days?.map((d) => d.count) ?? [], [days]);
  const hourLabels = useMemo(() => hours?.map((h) => String(h.hour)) ?? [], [hours]);
  const hourValues = useMemo(() => hours?.map((h) => h.count) ?? [], [hours]);

  return (
    <div className="page figures">
      <h1>{t(m.navFigures)}</h1>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t(fieldLabel("period"))}</legend>
        {enumOptions("figurePeriod").map((option) => (
          <label key={option.value} className={period === option.value ? "segmented__on" : ""}>
            <input type="radio" name="period" value={option.value} checked={period === option.value} onChange={() => setPeriod(option.value)} /> {t(option.label)}
          </label>
        ))}
      </fieldset>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <LoadFailed error={figures.error} retry={() => void figures.refetch()} />
      ) : (
        <>
          <section className="panel" aria-labelledby="by-outcome-title">
            <h2 id="by-outcome-title">
              {t(m.byOutcome)} <span className="count-total">{t(m.totalCount, { n: count(figures.data.total) })}</span>
            </h2>
            <ul className="outcome-bars">
              {figures.data.byOutcome.map(({ outcome, count: n }) => {
                const share = figures.data.total ? n / figures.data.total : 0;
                return (
                  <li key={outcome}>
                    <span className="outcome-bars__label">{t(enumLabel("outcome", outcome))}</span>
                    <span className="outcome-bars__bar" style={{ width: `${Math.round(share * 100)}%` }} aria-hidden="true" />
                    <span className="outcome-bars__n tabular">
                      {count(n)} ({Math.round(share * 100)}%)
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="panel" aria-labelledby="per-day-title">
            <h2 id="per-day-title">{t(m.perDay)}</h2>
            <BarChart labels={dayLabels} values={dayValues} label={t(m.perDay)} />
            <details>
              <summary>{t(m.showTable)}</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t(m.date)}</th>
                    <th scope="col">{t(m.calls)}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.data.days.map((d) => (
                    <tr key={d.date}>
                      <th scope="row">{d.date}</th>
                      <td className="tabular">{count(d.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <section className="panel" aria-labelledby="by-hour-title">
            <h2 id="by-hour-title">{t(m.byHour)}</h2>
            <BarChart labels={hourLabels} values={hourValues} label={t(m.byHour)} colour="#1d6a3a" />
            <details>
              <summary>{t(m.showTable)}</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t(m.hour)}</th>
                    <th scope="col">{t(m.calls)}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.data.hours.map((h) => (
                    <tr key={h.hour}>
                      <th scope="row">{t(m.hourLabel, { hour: h.hour })}</th>
                      <td className="tabular">{count(h.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </>
      )}
    </div>
  );
}
