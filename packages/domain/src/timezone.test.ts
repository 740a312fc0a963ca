/**
 * The package's test script runs the whole suite twice, under TZ=Pacific/Kiritimati (UTC+14)
 * and TZ=America/Los_Angeles (UTC-8/-7), so every rule is proven not to read the machine's zone.
 * This file proves the zone really was in effect for each run.
 */
import { describe, expect, it } from "vitest";
import { businessStatus } from "./calendar/business-calendar.ts";
import { tokyoDate } from "./calendar/tokyo-time.ts";
import { formatJst } from "./calendar/format.ts";

/** Minutes that getTimezoneOffset() gives for 2026-01-01 local midnight, per zone. */
const EXPECTED_OFFSET: Record<string, number> = {
  "Pacific/Kiritimati": -840,
  "America/Los_Angeles": 480,
  "Asia/Tokyo": -540,
  UTC: 0,
};

const zone = process.env.TZ;
const offset = new Date(2026, 0, 1).getTimezoneOffset();
console.log(`[timezone] TZ=${zone ?? "(unset)"} offset=${offset} resolved=${Intl.DateTimeFormat().resolvedOptions().timeZone}`);

describe("the machine's time zone", () => {
  it.runIf(zone !== undefined && zone in EXPECTED_OFFSET)(`is really ${zone} in this run`, () => {
    expect(offset).toBe(EXPECTED_OFFSET[zone!]);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });

  it("does not change what the domain says about an instant", () => {
    // 2026-01-04T23:30Z is Monday 08:30 in Tokyo, still Sunday in Los Angeles, already
    // Monday 13:30 in Kiritimati. The domain only ever sees Tokyo.
    const instant = new Date("2026-01-04T23:30:00Z");
    expect(tokyoDate(instant)).toBe("2026-01-05");
    expect(formatJst(instant).ja).toBe("2026年1月5日(月) 08:30");
    expect(businessStatus(instant)).toEqual({
      open: false,
      date: "2026-01-05",
      reason: "before_hours",
      opensAt: new Date("2026-01-05T00:00:00Z"),
    });
  });
});
