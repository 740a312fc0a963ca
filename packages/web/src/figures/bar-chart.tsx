import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type BarSeries = { label: string; colour: string; values: readonly number[] };

/** What differs from one page's chart to another's: sizes, spacing and whether the pointer shows a crosshair. */
export type BarChartLook = {
  minWidth: number;
  /** uPlot's bar size: the share of each slot a bar fills, and its widest in pixels. */
  bar: [number, number];
  /** The y axis reaches at least this high, so a quiet period does not look busy. */
  yAtLeast: number;
  xAxis: { space: number; size: number; gap?: number };
  yAxisSize: number;
  axisColour?: string;
  crosshair?: boolean;
};

/**
 * Bars drawn with uPlot (about 20 kB gzipped, loaded with the figures pages only; this entry is
 * `@uketsuke/web/figures` so the rest of an app never pulls it in). Several series stack from the
 * bottom (the first lowest): each bar is the running total up to its series, painted tallest first
 * so the shorter ones sit on top. A picture for sighted readers: the pages give the same numbers in
 * a table (`FigureTable`), and a text legend when there is more than one series.
 */
export function BarChart({
  labels,
  series,
  look,
  height,
  className,
}: {
  labels: readonly string[];
  series: readonly BarSeries[];
  look: BarChartLook;
  height: number;
  className: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const totals = series.map((_, upTo) => labels.map((_label, i) => series.slice(0, upTo + 1).reduce((sum, s) => sum + (s.values[i] ?? 0), 0)));
    const bars = uPlot.paths.bars?.({ size: look.bar, align: 0 });
    const drawn = series.map((s, i) => ({ ...s, totals: totals[i] ?? [] })).reverse();
    const stroke = look.axisColour ? { stroke: look.axisColour } : {};
    const width = () => Math.max(look.minWidth, element.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height,
        legend: { show: false },
        cursor: look.crosshair ? { show: true, points: { show: false }, drag: { x: false, y: false } } : { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(look.yAtLeast, Math.ceil(max * 1.1))] } },
        axes: [
          {
            values: (_u, splits) => splits.map((i) => labels[i] ?? ""),
            ...look.xAxis,
            // A label every slot when they fit, else every 2nd, 7th, …: dates like "11/01" need
            // more room than hours do, so the spacing follows the longest label (12 px font).
            space: Math.max(look.xAxis.space, Math.max(0, ...labels.map((l) => l.length)) * 7 + 8),
            incrs: [1, 2, 3, 5, 7, 10, 14, 15, 20, 30, 50, 100],
            font: "12px sans-serif",
            grid: { show: false },
            ...stroke,
          },
          { size: look.yAxisSize, font: "12px sans-serif", ...stroke, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : "")) },
        ],
        series: [{}, ...drawn.map((s) => ({ label: s.label, fill: s.colour, stroke: s.colour, width: 0, ...(bars ? { paths: bars } : {}), points: { show: false } }))],
      },
      [labels.map((_, i) => i), ...drawn.map((s) => [...s.totals])],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, series, look, height]);
  if (series.length < 2) return <div ref={box} className={className} aria-hidden="true" />;
  return (
    <figure className={className}>
      <div ref={box} aria-hidden="true" />
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.label}>
            <span className="chart-legend__swatch" style={{ background: s.colour }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
