import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { enumLabel, tokyoDate } from "@uketsuke/domain";
import { useLocale, useText, useTRPC } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { LoadFailed, Loading, useDeskTitle, useNumberFormat } from "../ui.tsx";
import { HeatMap } from "./heat-map.tsx";
import { percent, SpeedTiles, Tile } from "./speed-tiles.tsx";
import { StackedBars } from "./stacked-bars.tsx";


const COLOURS = { answered: "#1d6a3a", missed: "#9b1c1c", closed: "#6b717b" };

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
        <StackedBars labels={labels} series={series} />
        <details>
          <summary>{t(m.showTable)}</summary>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t(m.date)}</th>
                <th scope="col" className="tabular">{t(m.totalCalls)}</th>
                <th scope="col" className="tabular">{t(m.answered)}</th>
                <th scope="col" className="tabular">{t(m.missedShort)}</th>
                <th scope="col" className="tabular">{t(m.closed)}</th>
              </tr>
            </thead>
            <tbody>
              {f.days.map((d) => (
                <tr key={d.date} data-date={d.date}>
                  <th scope="row">{d.date}</th>
                  <td className="tabular">{number(d.calls)}</td>
                  <td className="tabular">{number(d.answered)}</td>
                  <td className="tabular">{number(d.missed)}</td>
                  <td className="tabular">{number(d.closed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section className="panel" aria-labelledby="heat-title">
        <h2 id="heat-title">{t(m.heatmapTitle)}</h2>
        <p className="field-hint">{t(m.heatmapHint)}</p>
        <HeatMap heatmap={f.heatmap} />
      </section>

      <div className="figures__pair">
        <section className="panel" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t(m.outcomesTitle)}</h2>
          <ul className="share-bars">
            {f.outcomes.map(({ outcome, reports }) => (
              <li key={outcome} data-outcome={outcome}>
                <span className="share-bars__label">{t(enumLabel("outcome", outcome))}</span>
                <span className="share-bars__track" aria-hidden="true">
                  <span className="share-bars__bar" style={{ width: `${outcomeTotal ? (reports / outcomeTotal) * 100 : 0}%` }} />
                </span>
                <span className="share-bars__n tabular">
                  {number(reports)} ({percent(outcomeTotal ? reports / outcomeTotal : 0, locale)})
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="operators-title">
          <h2 id="operators-title">{t(m.operatorsTitle)}</h2>
          <ul className="share-bars">
            {f.operators.map((o) => (
              <li key={o.operatorId} data-operator-id={o.operatorId}>
                <span className="share-bars__label">{o.displayName}</span>
                <span className="share-bars__track" aria-hidden="true">
                  <span className="share-bars__bar" style={{ width: `${(o.answered / topOperator) * 100}%` }} />
                </span>
                <span className="share-bars__n tabular">{number(o.answered)}</span>
              </li>
            ))}
            {f.operators.length === 0 && <li className="muted">{t(m.none)}</li>}
          </ul>
        </section>
      </div>
    </section>
  );
}
