import { describe, expect, it } from "vitest";
import { addDays, figurePeriod, lastDays, monthPeriod, tokyoDatesIn, tokyoHour, tokyoMonth, tokyoWeekday } from "./periods.ts";

describe("figure periods (Tokyo calendar)", () => {
  it("this month is the Tokyo month, even when UTC is still in the previous one", () => {
    // 1 December 2026 08:30 in Tokyo is still 30 November in UTC.
    const at = new Date("2026-11-30T23:30:00Z");
    expect(figurePeriod("thisMonth", at)).toEqual({ from: "2026-11-30T15:00:00.000Z", to: "2026-12-31T15:00:00.000Z" });
    expect(figurePeriod("lastMonth", at)).toEqual({ from: "2026-10-31T15:00:00.000Z", to: "2026-11-30T15:00:00.000Z" });
  });

  it("crosses the year in both directions", () => {
    expect(figurePeriod("lastMonth", new Date("2027-01-10T03:00:00Z")).from).toBe("2026-11-30T15:00:00.000Z");
    expect(figurePeriod("thisMonth", new Date("2026-12-10T03:00:00Z")).to).toBe("2026-12-31T15:00:00.000Z");
  });

  it("the last 90 days end with today and hold 90 dates", () => {
    const range = figurePeriod("last90", new Date("2026-11-24T01:00:00Z"));
    const dates = tokyoDatesIn(range);
    expect(dates).toHaveLength(90);
    expect(dates.at(-1)).toBe("2026-11-24");
    expect(dates[0]).toBe(addDays("2026-11-24", -89));
  });

  it("hours are Tokyo hours", () => {
    expect(tokyoHour(new Date("2026-11-24T00:59:00Z"))).toBe(9);
    expect(tokyoHour(new Date("2026-11-24T15:00:00Z"))).toBe(0);
  });

  it("a month is the Tokyo month, across the year too", () => {
    expect(monthPeriod("2026-11")).toEqual({ from: "2026-10-31T15:00:00.000Z", to: "2026-11-30T15:00:00.000Z" });
    expect(monthPeriod("2026-12")).toEqual({ from: "2026-11-30T15:00:00.000Z", to: "2026-12-31T15:00:00.000Z" });
    // 1 December 08:30 in Tokyo is still November in UTC.
    expect(tokyoMonth(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12");
    expect(tokyoMonth(new Date("2027-01-10T03:00:00Z"), -1)).toBe("2026-12");
  });

  it("the last 30 days end with today", () => {
    const range = lastDays(30, new Date("2026-11-24T01:00:00Z"));
    expect(range).toEqual({ from: "2026-10-25T15:00:00.000Z", to: "2026-11-24T15:00:00.000Z" });
    expect(tokyoDatesIn(range)).toHaveLength(30);
  });

  it("weekdays are Tokyo weekdays", () => {
    // Monday 00:30 in Tokyo is still Sunday in UTC.
    expect(tokyoWeekday(new Date("2026-11-22T15:30:00Z"))).toBe(1);
    expect(tokyoWeekday(new Date("2026-11-22T14:59:59Z"))).toBe(0);
  });
});
