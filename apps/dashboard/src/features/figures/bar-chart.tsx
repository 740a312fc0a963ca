import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/**
 * Bars with uPlot (about 20 kB gzipped, loaded with the figures page only). The chart is a
 * picture for sighted readers; the same numbers stand in a table beside it (see figures-page).
 */
export function BarChart({ labels, values, label, colour = "#0b4f9c", height = 220 }: { labels: readonly string[]; values: readonly number[]; label: string; colour?: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const xs = labels.map((_, i) => i);
    const bars = uPlot.paths.bars?.({ size: [0.7, 40], align: 0 });
    const chart = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: true, points: { show: false }, drag: { x: false, y: false } },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
        axes: [
          {
            values: (_u, splits) => splits.map((i) => labels[i] ?? ""),
            space: 28,
            gap: 4,
            size: 36,
            font: "12px sans-serif",
            grid: { show: false },
          },
          { size: 44, font: "12px sans-serif", values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : "")) },
        ],
        series: [{}, { label, fill: colour, stroke: colour, width: 0, ...(bars ? { paths: bars } : {}), points: { show: false } }],
      },
      [xs, [...values]],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, values, label, colour, height]);
  return <div ref={box} className="bar-chart" aria-hidden="true" />;
}
