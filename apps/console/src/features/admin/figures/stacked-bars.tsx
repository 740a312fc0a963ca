import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type BarSeries = { label: string; colour: string; values: readonly number[] };

/**
 * Bars stacked from the bottom (the first series lowest), drawn with uPlot: each bar is the running
 * total up to its series, painted tallest first so the shorter ones sit on top. A picture for
 * sighted readers: the figures page has the same numbers in a table and a text legend.
 */
export function StackedBars({ labels, series, height = 240 }: { labels: readonly string[]; series: readonly BarSeries[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const totals = series.map((_, upTo) => labels.map((_label, i) => series.slice(0, upTo + 1).reduce((sum, s) => sum + (s.values[i] ?? 0), 0)));
    const bars = uPlot.paths.bars?.({ size: [0.75, 48], align: 0 });
    const drawn = series.map((s, i) => ({ ...s, totals: totals[i] ?? [] })).reverse();
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
        axes: [
          { values: (_u, splits) => splits.map((i) => labels[i] ?? ""), space: 36, size: 30, font: "12px sans-serif", grid: { show: false }, stroke: "#474c55" },
          { size: 40, font: "12px sans-serif", stroke: "#474c55", values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : "")) },
        ],
        series: [{}, ...drawn.map((s) => ({ label: s.label, fill: s.colour, stroke: s.colour, width: 0, ...(bars ? { paths: bars } : {}), points: { show: false } }))],
      },
      [labels.map((_, i) => i), ...drawn.map((s) => [...s.totals])],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(320, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, series, height]);
  return (
    <figure className="stacked-bars">
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
