/**
 * Periods of Japan calendar days, as half-open instants [from, to): "this month" for the
 * dashboard's count and figures is the Tokyo month, whatever the server's or browser's zone.
 */
import { tokyoDate, type TokyoDate } from "./tokyo-time.ts";

import type { FigurePeriod } from "../vocabulary.ts";

export type InstantRange = { readonly from: string; readonly to: string };

/** The first instant of a Tokyo calendar date (Japan keeps no daylight saving time). */
export function tokyoDayStart(date: TokyoDate): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** `2026-11-30` + 1 → `2026-12-01`. */
export function addDays(date: TokyoDate, days: number): TokyoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function monthStart(date: TokyoDate, monthsLater: number): TokyoDate {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + monthsLater;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** A period as instants, judged at `at`: this Tokyo month so far included in full, last month, or the last 90 days with today. */
export function figurePeriod(period: FigurePeriod, at: Date): InstantRange {
  const today = tokyoDate(at);
  const range = (from: TokyoDate, to: TokyoDate) => ({ from: tokyoDayStart(from).toISOString(), to: tokyoDayStart(to).toISOString() });
  switch (period) {
    case "thisMonth":
      return range(monthStart(today, 0), monthStart(today, 1));
    case "lastMonth":
      return range(monthStart(today, -1), monthStart(today, 0));
    case "last90":
      return range(addDays(today, -89), addDays(today, 1));
  }
}

/** Every Tokyo date in [from, to), for a chart's axis with the empty days kept. */
export function tokyoDatesIn(range: InstantRange): TokyoDate[] {
  const dates: TokyoDate[] = [];
  const end = tokyoDate(new Date(range.to));
  for (let date = tokyoDate(new Date(range.from)); date < end; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** A Tokyo calendar month (`2026-11`) as instants: the billing count's period. */
export function monthPeriod(month: string): InstantRange {
  const first = `${month}-01`;
  return { from: tokyoDayStart(first).toISOString(), to: tokyoDayStart(monthStart(first, 1)).toISOString() };
}

/** The Tokyo month an instant falls in, or `monthsLater` months from it: `2026-11`. */
export function tokyoMonth(instant: Date, monthsLater = 0): string {
  return monthStart(tokyoDate(instant), monthsLater).slice(0, 7);
}

/** The last `days` Tokyo days, today included, as instants. */
export function lastDays(days: number, at: Date): InstantRange {
  const today = tokyoDate(at);
  return { from: tokyoDayStart(addDays(today, 1 - days)).toISOString(), to: tokyoDayStart(addDays(today, 1)).toISOString() };
}

/** The day of the week in Tokyo: 0 = Sunday … 6 = Saturday. */
export function tokyoWeekday(instant: Date): number {
  return new Date(instant.getTime() + 9 * 3_600_000).getUTCDay();
}

/** The hour of the day (0–23) in Tokyo. */
export function tokyoHour(instant: Date): number {
  return (instant.getUTCHours() + 9) % 24;
}
