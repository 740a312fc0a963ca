import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { enumLabel, enumOptions, fieldLabel } from "@uketsuke/domain";
import { Segmented, useText, useTRPC } from "@uketsuke/web";
import { BarChart, FigureTable, ShareBars, type BarChartLook } from "@uketsuke/web/figures";
import { m } from "../../messages.ts";
import { count } from "../../ui/format.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

type Period = ReturnType<typeof enumOptions<"figurePeriod">>[number]["value"];

/** One series a chart: narrower bars, and the pointer shows where it is. */
const LOOK: BarChartLook = { minWidth: 280, bar: [0.7, 40], yAtLeast: 1, xAxis: { space: 28, gap: 4, size: 36 }, yAxisSize: 44, crosshair: true };
const HEIGHT = 220;

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
  const hourLabels = useMemo(() => hours?.map((h) => String(h.hour)) ?? [], [hours]);
  const daySeries = useMemo(() => [{ label: t(m.perDay), colour: "#0b4f9c", values: days?.map((d) => d.count) ?? [] }], [days, t]);
  const hourSeries = useMemo(() => [{ label: t(m.byHour), colour: "#1d6a3a", values: hours?.map((h) => h.count) ?? [] }], [hours, t]);
  const countColumns = (first: string) => [{ label: first }, { label: t(m.calls), numeric: true }];

  return (
    <div className="page figures">
      <h1>{t(m.navFigures)}</h1>
      <Segmented
        legend={t(fieldLabel("period"))}
        hideLegend
        name="period"
        value={period}
        options={enumOptions("figurePeriod").map((option) => ({ value: option.value, label: t(option.label) }))}
        onChange={setPeriod}
      />
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
            <ShareBars
              bars={figures.data.byOutcome.map(({ outcome, count: n }) => {
                const percent = Math.round((figures.data.total ? n / figures.data.total : 0) * 100);
                return { key: outcome, label: t(enumLabel("outcome", outcome)), share: percent / 100, amount: `${count(n)} (${percent}%)` };
              })}
            />
          </section>
          <section className="panel" aria-labelledby="per-day-title">
            <h2 id="per-day-title">{t(m.perDay)}</h2>
            <BarChart labels={dayLabels} series={daySeries} look={LOOK} height={HEIGHT} className="bar-chart" />
            <FigureTable
              summary={t(m.showTable)}
              keyName="date"
              columns={countColumns(t(m.date))}
              rows={figures.data.days.map((d) => ({ key: d.date, head: d.date, cells: [count(d.count)] }))}
            />
          </section>
          <section className="panel" aria-labelledby="by-hour-title">
            <h2 id="by-hour-title">{t(m.byHour)}</h2>
            <BarChart labels={hourLabels} series={hourSeries} look={LOOK} height={HEIGHT} className="bar-chart" />
            <FigureTable
              summary={t(m.showTable)}
              keyName="hour"
              columns={countColumns(t(m.hour))}
              rows={figures.data.hours.map((h) => ({ key: String(h.hour), head: t(m.hourLabel, { hour: h.hour }), cells: [count(h.count)] }))}
            />
          </section>
        </>
      )}
    </div>
  );
}
