import fc from "fast-check";
// An independent oracle: japanese-holidays computes holidays from the law's rules, while the
// calendar reads @holiday-jp's published table for these years.
import JapaneseHolidays from "japanese-holidays";
import { describe, expect, it } from "vitest";
import { jst } from "../testing/helpers.ts";
import { BUSINESS_HOURS, businessStatus, holidayOn, isBusinessDay, isOpen, nextOpening } from "./business-calendar.ts";
import { AGENCY_TIME_ZONE, startOfTokyoDay, tokyoDate, type TokyoDate } from "./tokyo-time.ts";
import { formatAge, formatJst } from "./format.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Every Tokyo date from `from` to `to` inclusive, with its weekday (0 = Sunday). */
function days(from: string, to: string): Array<{ date: TokyoDate; y: number; m: number; d: number; dow: number }> {
  const out = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const u = new Date(t);
    const [y, m, d] = [u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate()];
    out.push({ date: `${y}-${pad(m)}-${pad(d)}`, y, m, d, dow: u.getUTCDay() });
  }
  return out;
}

/** The oracle: a weekday that japanese-holidays does not call a holiday. */
function oracleBusinessDay({ y, m, d, dow }: { y: number; m: number; d: number; dow: number }): boolean {
  // japanese-holidays reads the local calendar fields of the Date, so build it from local fields.
  return dow !== 0 && dow !== 6 && !JapaneseHolidays.isHoliday(new Date(y, m - 1, d));
}

const ALL_DAYS = days("2025-01-01", "2030-12-31");
const BUSINESS = new Set(ALL_DAYS.filter(oracleBusinessDay).map((day) => day.date));

/** The first oracle business day strictly after `date`. */
function nextBusinessDay(date: TokyoDate): TokyoDate {
  const index = ALL_DAYS.findIndex((day) => day.date === date);
  for (let i = index + 1; i < ALL_DAYS.length; i++) if (BUSINESS.has(ALL_DAYS[i]!.date)) return ALL_DAYS[i]!.date;
  throw new Error(`no business day after ${date} in the test range`);
}

describe("R9 — the business calendar, every day of 2025–2030", () => {
  it("covers 2,191 days, about 245 business days a year", () => {
    expect(ALL_DAYS).toHaveLength(2191);
    expect(BUSINESS.size).toBeGreaterThan(6 * 240);
    expect(BUSINESS.size).toBeLessThan(6 * 250);
  });

  it("isBusinessDay equals (weekday and not a holiday) by japanese-holidays", () => {
    const mismatches = ALL_DAYS.filter((day) => isBusinessDay(day.date) !== oracleBusinessDay(day)).map((day) => day.date);
    expect(mismatches).toEqual([]);
  });

  it("names a holiday exactly on the days japanese-holidays does", () => {
    const mismatches = ALL_DAYS.filter(
      (day) => (holidayOn(day.date) !== undefined) !== (JapaneseHolidays.isHoliday(new Date(day.y, day.m - 1, day.d)) !== undefined),
    ).map((day) => day.date);
    expect(mismatches).toEqual([]);
  });

  it("opens at 09:00 and closes at 18:00 Japan time on business days only", () => {
    const wrong: string[] = [];
    for (const day of ALL_DAYS) {
      const business = BUSINESS.has(day.date);
      const checks: Array<[string, boolean]> = [
        ["T08:59:59.999", false],
        ["T09:00", business],
        ["T12:00", business],
        ["T17:59:59.999", business],
        ["T18:00", false],
        ["T23:59:59.999", false],
        ["T00:00", false],
      ];
      for (const [time, expected] of checks) if (isOpen(jst(day.date + time)) !== expected) wrong.push(day.date + time);
    }
    expect(wrong).toEqual([]);
  });

  it("reads the Tokyo date across the UTC date line", () => {
    const wrong: string[] = [];
    for (const day of ALL_DAYS) {
      const midnightUtc = Date.parse(`${day.date}T00:00:00Z`);
      // 23:30Z of the previous UTC day is 08:30 JST on this day: this day, still closed.
      const before = new Date(midnightUtc - 30 * 60_000);
      if (tokyoDate(before) !== day.date || isOpen(before)) wrong.push(`${day.date} 08:30`);
      // 00:00Z is 09:00 JST; 08:59:59.999Z is 17:59:59.999 JST; 09:00Z is 18:00 JST.
      if (isOpen(new Date(midnightUtc)) !== BUSINESS.has(day.date)) wrong.push(`${day.date} 09:00`);
      if (isOpen(new Date(midnightUtc + 9 * 3_600_000 - 1)) !== BUSINESS.has(day.date)) wrong.push(`${day.date} 17:59`);
      if (isOpen(new Date(midnightUtc + 9 * 3_600_000))) wrong.push(`${day.date} 18:00`);
      // 14:59:59.999Z is the last instant of this Tokyo day; 15:00Z is the next one.
      if (tokyoDate(new Date(midnightUtc + 15 * 3_600_000 - 1)) !== day.date) wrong.push(`${day.date} 23:59`);
      if (tokyoDate(new Date(midnightUtc + 15 * 3_600_000)) === day.date) wrong.push(`${day.date} 24:00`);
    }
    expect(wrong).toEqual([]);
  });

  it("opens next at 09:00 of the next business day, from every evening and every early morning", () => {
    const wrong: string[] = [];
    for (const day of ALL_DAYS.slice(0, -10)) {
      const next = nextBusinessDay(day.date);
      if (nextOpening(jst(`${day.date}T18:00`)).getTime() !== jst(`${next}T09:00`).getTime()) wrong.push(`${day.date} evening`);
      const morning = BUSINESS.has(day.date) ? day.date : next;
      if (nextOpening(jst(`${day.date}T08:59:59.999`)).getTime() !== jst(`${morning}T09:00`).getTime()) wrong.push(`${day.date} morning`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("R9 — named days", () => {
  it.each([
    ["2025-02-24", "天皇誕生日 振替休日", "Holiday in lieu"],
    ["2025-05-06", "振替休日", "Holiday in lieu"],
    ["2026-09-22", "国民の休日", "Citizen's Holiday"],
    ["2026-01-01", "元日", "New Year's Day"],
    ["2026-01-12", "成人の日", "Coming of Age Day"],
    ["2026-05-06", "振替休日", "Holiday in lieu"],
  ])("%s is a holiday: %s / %s", (date, ja, en) => {
    const holiday = holidayOn(date);
    expect(holiday?.ja).toContain(ja);
    expect(holiday?.en).toBe(en);
    expect(isBusinessDay(date)).toBe(false);
    expect(isOpen(jst(`${date}T10:00`))).toBe(false);
    const status = businessStatus(jst(`${date}T10:00`));
    expect(status).toMatchObject({ open: false, date, reason: "holiday", holiday });
  });

  it("is closed on a Saturday and a Sunday, for the weekend", () => {
    expect(businessStatus(jst("2026-01-10T10:00"))).toEqual({
      open: false,
      date: "2026-01-10",
      reason: "weekend",
      opensAt: jst("2026-01-13T09:00"), // Monday 12th is 成人の日
    });
    expect(businessStatus(jst("2026-01-18T10:00"))).toMatchObject({ open: false, reason: "weekend", opensAt: jst("2026-01-19T09:00") });
    expect(holidayOn("2026-01-10")).toBeUndefined();
  });

  it("says before and after hours, and when an open day closes", () => {
    expect(businessStatus(jst("2026-01-05T08:00"))).toEqual({ open: false, date: "2026-01-05", reason: "before_hours", opensAt: jst("2026-01-05T09:00") });
    expect(businessStatus(jst("2026-01-05T18:00"))).toEqual({ open: false, date: "2026-01-05", reason: "after_hours", opensAt: jst("2026-01-06T09:00") });
    expect(businessStatus(jst("2026-01-05T13:00"))).toEqual({ open: true, date: "2026-01-05", closesAt: jst("2026-01-05T18:00") });
  });

  it("opens Monday 09:00 after a Friday 18:00", () => {
    expect(nextOpening(jst("2026-01-16T18:00"))).toEqual(jst("2026-01-19T09:00"));
    expect(nextOpening(jst("2026-01-16T17:59:59.999"))).toEqual(jst("2026-01-19T09:00"));
  });

  it("opens 2026-05-07 09:00 after Golden Week, from 2026-05-01 18:00", () => {
    expect(nextOpening(jst("2026-05-01T18:00"))).toEqual(jst("2026-05-07T09:00"));
    expect(nextOpening(new Date("2026-05-01T09:00:00Z"))).toEqual(new Date("2026-05-07T00:00:00Z"));
  });

  it("opens strictly after the instant: from exactly 09:00 it is the next business day", () => {
    expect(nextOpening(jst("2026-01-05T09:00"))).toEqual(jst("2026-01-06T09:00"));
    expect(nextOpening(jst("2026-01-05T08:59:59.999"))).toEqual(jst("2026-01-05T09:00"));
    expect(nextOpening(jst("2026-01-16T09:00"))).toEqual(jst("2026-01-19T09:00"));
  });

  it("opens after the New Year holiday", () => {
    expect(nextOpening(jst("2025-12-31T12:00"))).toEqual(jst("2026-01-02T09:00"));
    expect(isBusinessDay("2026-01-02")).toBe(true);
  });

  it("exposes its constants", () => {
    expect(AGENCY_TIME_ZONE).toBe("Asia/Tokyo");
    expect(BUSINESS_HOURS).toEqual({ opensAtHour: 9, closesAtHour: 18 });
  });
});

describe("R9 — beyond the published table", () => {
  it("computes holidays after 2050 from the law's rules", () => {
    expect(holidayOn("2051-01-01")).toEqual({ ja: "元日", en: "New Year's Day" });
    expect(isBusinessDay("2051-01-01")).toBe(false);
    expect(holidayOn("2052-09-23")).toEqual({ ja: "振替休日", en: "Holiday in lieu" });
    // 2051-01-01 is a Sunday, so Monday the 2nd is its substitute holiday: open again on the 3rd.
    expect(holidayOn("2051-01-02")).toEqual({ ja: "振替休日", en: "Holiday in lieu" });
    expect(nextOpening(jst("2050-12-30T18:00"))).toEqual(jst("2051-01-03T09:00"));
  });

  it("agrees with japanese-holidays for every day of 2051–2052, whatever the machine's zone", () => {
    const mismatches = days("2051-01-01", "2052-12-31")
      .filter((day) => isBusinessDay(day.date) !== oracleBusinessDay(day))
      .map((day) => day.date);
    expect(mismatches).toEqual([]);
  });

  it("the fallback and the table agree on the table's last year", () => {
    // japanese-holidays on 2050 computed the same way as the fallback does.
    const mismatches = days("2050-01-01", "2050-12-31")
      .filter((day) => (holidayOn(day.date) !== undefined) !== (JapaneseHolidays.isHoliday(new Date(day.y, day.m - 1, day.d)) !== undefined))
      .map((day) => day.date);
    expect(mismatches).toEqual([]);
  });
});

describe("R9 — properties of nextOpening", () => {
  const instantArb = fc
    .integer({ min: Date.parse("2025-01-01T00:00:00+09:00"), max: Date.parse("2030-12-31T23:59:59.999+09:00") })
    .map((t) => new Date(t));

  it("is strictly later, open, and the end of a closed stretch", () => {
    fc.assert(
      fc.property(instantArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (t, fractions) => {
        const next = nextOpening(t);
        expect(next.getTime()).toBeGreaterThan(t.getTime());
        expect(isOpen(next)).toBe(true);
        expect(formatJst(next).ja).toMatch(/ 09:00$/);
        // Nothing in between opens unless t itself was open.
        if (!isOpen(t)) {
          const span = next.getTime() - t.getTime();
          for (const f of [...fractions, 0]) expect(isOpen(new Date(t.getTime() + Math.floor(f * (span - 1))))).toBe(false);
          expect(isOpen(new Date(next.getTime() - 1))).toBe(false);
          expect(businessStatus(t)).toMatchObject({ open: false, opensAt: next });
        } else {
          const status = businessStatus(t);
          expect(status.open && status.closesAt.getTime()).toBeGreaterThan(t.getTime());
          expect(next.getTime()).toBeGreaterThan(status.open ? status.closesAt.getTime() : 0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("formatting in Japan time", () => {
  it("writes an instant as JST in both languages", () => {
    expect(formatJst(new Date("2026-01-05T00:30:00Z"))).toEqual({ ja: "2026年1月5日(月) 09:30", en: "Mon, 5 Jan 2026 09:30 JST" });
    expect(formatJst(new Date("2026-11-25T08:50:00Z"))).toEqual({ ja: "2026年11月25日(水) 17:50", en: "Wed, 25 Nov 2026 17:50 JST" });
    expect(formatJst(new Date("2025-12-31T15:00:00Z")).ja).toBe("2026年1月1日(木) 00:00");
  });

  it("writes how long something has waited", () => {
    const from = jst("2026-01-05T09:00");
    expect(formatAge(from, jst("2026-01-05T09:00"))).toEqual({ ja: "0分", en: "0 min" });
    expect(formatAge(from, jst("2026-01-05T11:15"))).toEqual({ ja: "2時間15分", en: "2 h 15 min" });
    expect(formatAge(from, jst("2026-01-06T09:00"))).toEqual({ ja: "1日", en: "1 d 0 min" });
    expect(formatAge(from, jst("2026-01-07T10:05"))).toEqual({ ja: "2日1時間5分", en: "2 d 1 h 5 min" });
    // A clock a little behind never shows a negative age.
    expect(formatAge(from, jst("2026-01-05T08:59"))).toEqual({ ja: "0分", en: "0 min" });
  });
});

describe("the start of the Tokyo day", () => {
  it("is Tokyo midnight of the day an instant falls on, whatever the machine's zone", () => {
    expect(startOfTokyoDay(new Date("2026-01-04T23:30:00Z"))).toEqual(jst("2026-01-05T00:00")); // 08:30 JST
    expect(startOfTokyoDay(jst("2026-01-05T23:59:59.999"))).toEqual(new Date("2026-01-04T15:00:00Z"));
    expect(startOfTokyoDay(jst("2026-01-06T00:00"))).toEqual(jst("2026-01-06T00:00"));
    expect(startOfTokyoDay(jst("2026-03-01T00:30"))).toEqual(jst("2026-03-01T00:00"));
  });

  it("is on the instant's Tokyo date, at most a day before it", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true }), (at) => {
        const start = startOfTokyoDay(at);
        expect(tokyoDate(start)).toBe(tokyoDate(at));
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - start.getTime()).toBeLessThan(86_400_000);
        expect(tokyoDate(new Date(start.getTime() - 1))).not.toBe(tokyoDate(at));
      }),
    );
  });
});
