// japanese-holidays ships no types; this reference carries its declaration into every package
// that type-checks the domain source.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/japanese-holidays.d.ts" />
/**
 * R9 — the agency's business calendar. Q9: test calls are welcome "any time within business
 * hours (weekdays 09:00–18:00)"; outside these hours no operator answers. Japanese national
 * holidays are closed, including substitute holidays (振替休日) and citizens' holidays (国民の休日).
 *
 * Every function takes the instant it is asked about: the domain never reads the clock.
 */
import holidayJp from "@holiday-jp/holiday_jp";
import JapaneseHolidays from "japanese-holidays";
import type { LocalizedText } from "../messages/catalogue.ts";
import { atTokyoHour, tokyo, tokyoDate, type TokyoDate } from "./tokyo-time.ts";

/** Opening hour (inclusive) and closing hour (exclusive): 18:00 itself is closed. */
export const BUSINESS_HOURS = { opensAtHour: 9, closesAtHour: 18 } as const;

type HolidayTable = Record<string, { name: string; name_en: string }>;
const holidayTable = holidayJp.holidays as unknown as HolidayTable;
/** holiday_jp ships the Cabinet Office's published list, with English names, up to this year. */
const TABLE_LAST_YEAR = 2050;

/** The national holiday on a Tokyo date, with its name in both languages, or undefined. */
export function holidayOn(date: TokyoDate): LocalizedText | undefined {
  const year = Number(date.slice(0, 4));
  if (year <= TABLE_LAST_YEAR) {
    const entry = holidayTable[date];
    // The table calls a citizens' holiday plain 休日; the law's own name is clearer to clients.
    return entry ? { ja: entry.name === "休日" ? "国民の休日" : entry.name, en: entry.name_en } : undefined;
  }
  // Past the published table, japanese-holidays computes holidays from the law's rules. It reads
  // the calendar fields of a local Date, so build one from the Tokyo date's own fields.
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const name = JapaneseHolidays.isHoliday(new Date(y, m - 1, d));
  return name ? { ja: name, en: englishNames.get(name) ?? name } : undefined;
}

const englishNames = new Map([
  ...Object.values(holidayTable).map((h) => [h.name, h.name_en] as const),
  // japanese-holidays names these two plainly; the table only has them joined to another name.
  ["振替休日", "Holiday in lieu"],
  ["国民の休日", "Citizen's Holiday"],
]);

function dayOfWeek(date: TokyoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isBusinessDay(date: TokyoDate): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && holidayOn(date) === undefined;
}

function nextDate(date: TokyoDate): TokyoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export type ClosedReason = "weekend" | "holiday" | "before_hours" | "after_hours";

export type BusinessStatus =
  | { readonly open: true; readonly date: TokyoDate; readonly closesAt: Date }
  | {
      readonly open: false;
      readonly date: TokyoDate;
      readonly reason: ClosedReason;
      readonly holiday?: LocalizedText;
      readonly opensAt: Date;
    };

/** Whether operators answer at this instant, and when that changes. */
export function businessStatus(instant: Date): BusinessStatus {
  const date = tokyoDate(instant);
  const hour = tokyo(instant).getHours();
  const holiday = holidayOn(date);
  const dow = dayOfWeek(date);
  if (holiday) return { open: false, date, reason: "holiday", holiday, opensAt: nextOpening(instant) };
  if (dow === 0 || dow === 6) return { open: false, date, reason: "weekend", opensAt: nextOpening(instant) };
  if (hour < BUSINESS_HOURS.opensAtHour) return { open: false, date, reason: "before_hours", opensAt: nextOpening(instant) };
  if (hour >= BUSINESS_HOURS.closesAtHour) return { open: false, date, reason: "after_hours", opensAt: nextOpening(instant) };
  return { open: true, date, closesAt: atTokyoHour(date, BUSINESS_HOURS.closesAtHour) };
}

export function isOpen(instant: Date): boolean {
  return businessStatus(instant).open;
}

/** The first opening (09:00 on a business day) strictly after the instant. */
export function nextOpening(instant: Date): Date {
  let date = tokyoDate(instant);
  // The longest closed run (New Year, Golden Week with a weekend) is far below this bound.
  for (let i = 0; i < 40; i++) {
    if (isBusinessDay(date)) {
      const opening = atTokyoHour(date, BUSINESS_HOURS.opensAtHour);
      if (opening.getTime() > instant.getTime()) return opening;
    }
    date = nextDate(date);
  }
  throw new Error(`no business day within 40 days of ${instant.toISOString()}`);
}
