import type { LocalizedText } from "../messages/catalogue.ts";
import { AGENCY_TIME_ZONE } from "./tokyo-time.ts";

// The platform's time-zone database, through formatters built once: every report formats a time.
const partsIn = (locale: string, options: Intl.DateTimeFormatOptions) => {
  const formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: AGENCY_TIME_ZONE });
  return (instant: Date) => {
    const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
    return parts;
  };
};
const jaParts = partsIn("ja-JP", { year: "numeric", month: "numeric", day: "numeric", weekday: "narrow", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const enParts = partsIn("en-US", { year: "numeric", month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** An instant as Japan time, the way it is written in reports: 2026年11月25日(水) 17:50. */
export function formatJst(instant: Date): LocalizedText {
  const j = jaParts(instant);
  const e = enParts(instant);
  return {
    ja: `${j.year}年${j.month}月${j.day}日(${j.weekday}) ${j.hour}:${j.minute}`,
    en: `${e.weekday}, ${e.day} ${e.month} ${e.year} ${e.hour}:${e.minute} JST`,
  };
}

/** How long something has waited, e.g. for an open callback: 2時間15分 / 2 h 15 min. */
export function formatAge(fromInstant: Date, now: Date): LocalizedText {
  const minutes = Math.max(0, Math.floor((now.getTime() - fromInstant.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const ja = [days ? `${days}日` : "", hours ? `${hours}時間` : "", `${mins}分`].join("");
  const en = [days ? `${days} d` : "", hours ? `${hours} h` : "", `${mins} min`].filter(Boolean).join(" ");
  return { ja: days && !hours && !mins ? `${days}日` : ja, en };
}
