/**
 * The agency's clock face: Japan time, whatever the machine's zone. Kept apart from the business
 * calendar so that formatting a time or finding "today" costs an app no holiday table.
 */
import { TZDate } from "@date-fns/tz";

export const AGENCY_TIME_ZONE = "Asia/Tokyo";

/** A calendar date in Tokyo, `YYYY-MM-DD`. */
export type TokyoDate = string;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function tokyo(instant: Date): TZDate {
  return new TZDate(instant.getTime(), AGENCY_TIME_ZONE);
}

/** The Tokyo calendar date of an instant, whatever the machine's time zone. */
export function tokyoDate(instant: Date): TokyoDate {
  const t = tokyo(instant);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** The instant a Tokyo date reaches an hour: atTokyoHour("2026-01-05", 9) is 2026-01-05T00:00Z. */
export function atTokyoHour(date: TokyoDate, hour: number): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, 0, 0, AGENCY_TIME_ZONE).getTime());
}

/** Midnight in Tokyo at the start of the day an instant falls on: where "today" begins for the agency. */
export function startOfTokyoDay(instant: Date): Date {
  return atTokyoHour(tokyoDate(instant), 0);
}

