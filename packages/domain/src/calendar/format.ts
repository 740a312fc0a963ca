import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { ja as jaLocale } from "date-fns/locale/ja";
import { enUS } from "date-fns/locale/en-US";
import type { LocalizedText } from "../messages/catalogue.ts";
import { AGENCY_TIME_ZONE } from "./business-calendar.ts";

/** An instant as Japan time, the way it is written in reports: 2026年11月25日(水) 17:50. */
export function formatJst(instant: Date): LocalizedText {
  const t = new TZDate(instant.getTime(), AGENCY_TIME_ZONE);
  return {
    ja: format(t, "yyyy年M月d日(EEEEE) HH:mm", { locale: jaLocale }),
    en: `${format(t, "EEE, d MMM yyyy HH:mm", { locale: enUS })} JST`,
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
