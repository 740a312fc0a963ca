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

/** A count per day or per hour: `label` under its bar, `head` at its row of the table. */
type Point = { key: string; label: string; head: string; count: number };

/** Calls per day, by hour of the day and by outcome, for a period of Japan calendar days. */
export default function FiguresPage() {
  const t = useText();
  const trpc = useTRPC();
  usePageTitle(m.navFigures);
  const [period, setPeriod] = useState<Period>("thisMonth");
  const figures = useQuery(trpc.figures.get.queryOptions({ period }));
  const days = figures.data?.days;
  const hours = figures.data?.hours;
  const perDay = useMemo<Point[]>(() => days?.map((d) => ({ key: d.date, label: d.date.slice(5).replace("-", "/"), head: d.date, count: d.count })) ?? [], [days]);
  const byHour = useMemo<Point[]>(() => hours?.map((h) => ({ key: String(h.hour), label: String(h.hour), head: t(m.hourLabel, { hour: h.hour }), count: h.count })) ?? [], [hours, t]);

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
          <CountPanel id="per-day-title" title={t(m.perDay)} colour="#0b4f9c" points={perDay} firstColumn={t(m.date)} keyName="date" />
          <CountPanel id="by-hour-title" title={t(m.byHour)} colour="#1d6a3a" points={byHour} firstColumn={t(m.hour)} keyName="hour" />
        </>
      )}
    </div>
  );
}

/** Calls counted one way: a chart, and the same numbers in a table beside it. */
function CountPanel({ id, title, colour, points, firstColumn, keyName }: { id: string; title: string; colour: string; points: readonly Point[]; firstColumn: string; keyName: string }) {
  const t = useText();
  const labels = useMemo(() => points.map((p) => p.label), [points]);
  const series = useMemo(() => [{ label: title, colour, values: points.map((p) => p.count) }], [points, title, colour]);
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <BarChart labels={labels} series={series} look={LOOK} height={220} className="bar-chart" />
      <FigureTable
        summary={t(m.showTable)}
        keyName={keyName}
        columns={[{ label: firstColumn }, { label: t(m.calls), numeric: true }]}
        rows={points.map((p) => ({ key: p.key, head: p.head, cells: [count(p.count)] }))}
      />
    </section>
  );
}
