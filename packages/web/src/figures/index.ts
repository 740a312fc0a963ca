/**
 * @uketsuke/web/figures — the pieces the figures pages share (the desk's and the dashboard's):
 * bar charts (uPlot, so its own entry: only the lazily loaded figures pages import it), the same
 * numbers as a table, and share bars.
 */
export { BarChart, type BarChartLook, type BarSeries } from "./bar-chart.tsx";
export { FigureTable, type FigureColumn, type FigureRow } from "./figure-table.tsx";
export { ShareBars, type ShareBar } from "./share-bars.tsx";
