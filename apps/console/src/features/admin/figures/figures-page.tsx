import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { enumLabel, tokyoDate } from "@uketsuke/domain";
import { useLocale, useText, useTRPC } from "@uketsuke/web";
import { BarChart, FigureTable, ShareBars, type BarChartLook } from "@uketsuke/web/figures";
import { deskMessages as m } from "../messages.ts";
import { LoadFailed, Loading, useDeskTitle, useNumberFormat } from "../ui.tsx";
import { HeatMap } from "./heat-map.tsx";
import { percent, SpeedTiles, Tile } from "./speed-tiles.tsx";

const COLOURS = { answered: "#1d6a3a", missed: "#9b1c1c", closed: "#6b717b" };
/** The desk's wide chart: 30 stacked days, no pointer readout (the table has the numbers). */
const LOOK: BarChartLook = { minWidth: 320, bar: [0.75, 48], yAtLeast: 4, xAxis: { space: 36, size: 30 }, yAxisSize: 40, axisColour: "#474c55" };

/** The agency's last 30 days: volume per day, weekday × hour, outcomes, per operator, missed calls, speed of answer. */
export default function FiguresPage() {
  const t = useText();
  const { locale } = useLocale();
  const trpc = useTRPC();
  const title = useDeskTitle(m.figuresTitle);
  const figures = useQuery(trpc.admin.figures.get.queryOptions());
  const number = useNumberFormat();
  const days = figures.data?.days;
  const labels = useMemo(() => days?.map((d) => `${Number(d.date.slice(5, 7))}/${Number(d.date.slice(8))}`) ?? [], [days]);
  const series = useMemo(
    () =>
      days
        ? [
            { label: t(m.answered), colour: COLOURS.answered, values: days.map((d) => d.answered) },
            { label: t(m.missedShort), colour: COLOURS.missed, values: days.map((d) => d.missed) },
            { label: t(m.closed), colour: COLOURS.closed, values: days.map((d) => d.calls - d.answered - d.missed) },
          ]
        : [],
    [days, t],
  );

  if (figures.isPending) return <Loading />;
  if (figures.isError) return <LoadFailed retry={() => void figures.refetch()} />;
  const f = figures.data;
  const lastInstant = new Date(Date.parse(f.to) - 1);
  const outcomeTotal = f.outcomes.reduce((sum, o) => sum + o.reports, 0);
  const topOperator = Math.max(1, ...f.operators.map((o) => o.answered));

  return (
    <section aria-labelledby="figures-title" className="figures">
      <h1 id="figures-title">{title}</h1>
      <p className="muted">{t(m.figuresPeriod, { from: tokyoDate(new Date(f.from)), to: tokyoDate(lastInstant) })}</p>

      <div className="figure-tiles">
        <Tile label={t(m.totalCalls)} value={number(f.totals.calls)} id="tile-calls" />
        <Tile label={t(m.answered)} value={number(f.totals.answered)} id="tile-answered" />
        <Tile
          label={t(m.missed)}
          value={number(f.totals.missed)}
          note={f.totals.calls ? t(m.missedShare, { share: percent(f.totals.missed / f.totals.calls, locale) }) : undefined}
          id="tile-missed"
        />
        <SpeedTiles speed={f.speed} />
      </div>

      <section className="panel" aria-labelledby="per-day-title">
        <h2 id="per-day-title">{t(m.callsPerDay)}</h2>
        <BarChart labels={labels} series={series} look={LOOK} height={240} className="stacked-bars" />
        <FigureTable
          summary={t(m.showTable)}
          keyName="date"
          columns={[{ label: t(m.date) }, ...[m.totalCalls, m.answered, m.missedShort, m.closed].map((label) => ({ label: t(label), numeric: true }))]}
          rows={f.days.map((d) => ({ key: d.date, head: d.date, cells: [d.calls, d.answered, d.missed, d.closed].map(number) }))}
        />
      </section>

      <section className="panel" aria-labelledby="heat-title">
        <h2 id="heat-title">{t(m.heatmapTitle)}</h2>
        <p className="field-hint">{t(m.heatmapHint)}</p>
        <HeatMap heatmap={f.heatmap} />
      </section>

      <div className="figures__pair">
        <section className="panel" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t(m.outcomesTitle)}</h2>
          <ShareBars
            bars={f.outcomes.map(({ outcome, reports }) => {
              const share = outcomeTotal ? reports / outcomeTotal : 0;
              return { key: outcome, data: { "data-outcome": outcome }, label: t(enumLabel("outcome", outcome)), share, amount: `${number(reports)} (${percent(share, locale)})` };
            })}
          />
        </section>
        <section className="panel" aria-labelledby="operators-title">
          <h2 id="operators-title">{t(m.operatorsTitle)}</h2>
          <ShareBars
            bars={f.operators.map((o) => ({
              key: o.operatorId,
              data: { "data-operator-id": o.operatorId },
              label: o.displayName,
              share: o.answered / topOperator,
              amount: number(o.answered),
            }))}
            empty={t(m.none)}
          />
        </section>
      </div>
    </section>
  );
}
