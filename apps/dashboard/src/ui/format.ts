import { addDays, formatJst, tokyoDate, tokyoDayStart, type LocalizedText } from "@uketsuke/domain";

// Reports are written in Japan time; the dashboard shows every instant in Japan time too, so a
// client abroad reads the same 10:05 the mail says.
const TIME_ZONE = "Asia/Tokyo";

const shortJa = new Intl.DateTimeFormat("ja-JP", { timeZone: TIME_ZONE, month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const shortEn = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const secondsJa = new Intl.DateTimeFormat("ja-JP", { timeZone: TIME_ZONE, month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const secondsEn = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** The full form the report mail uses: 2026年11月24日(火) 10:05. */
export function longTime(iso: string): LocalizedText {
  return formatJst(new Date(iso));
}

/** A list's compact form: 11/24(火) 10:05 · Tue 24 Nov, 10:05. */
export function shortTime(iso: string): LocalizedText {
  const at = new Date(iso);
  return { ja: shortJa.format(at), en: shortEn.format(at) };
}

const hourJa = new Intl.DateTimeFormat("ja-JP", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Japan time of day: 18:00 · 18:00 JST. */
export function clockOf(iso: string): LocalizedText {
  const text = hourJa.format(new Date(iso));
  return { ja: text, en: `${text} JST` };
}

/** To the second, for a timeline where minutes matter (mail queued and delivered): 11/24(火) 10:00:02. */
export function secondsTime(iso: string): LocalizedText {
  const at = new Date(iso);
  return { ja: secondsJa.format(at), en: secondsEn.format(at) };
}

const numberJa = new Intl.NumberFormat("ja-JP");
export function count(n: number): string {
  return numberJa.format(n);
}

/** The Tokyo calendar date (YYYY-MM-DD) of an instant, for date inputs. */
export function tokyoDateOf(iso: string | Date): string {
  return tokyoDate(new Date(iso));
}

/** A Tokyo date's first instant, as the API takes it: `2026-11-24` → 2026-11-23T15:00:00.000Z. */
export function tokyoDayStartIso(date: string): string {
  return tokyoDayStart(date).toISOString();
}

/** The first instant after a Tokyo date: a filter's "to" day is included whole. */
export function tokyoDayEndIso(date: string): string {
  return tokyoDayStart(addDays(date, 1)).toISOString();
}
