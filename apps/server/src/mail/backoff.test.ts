import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, pastHorizon, retryDelayMs, type BackoffPolicy } from "./backoff.ts";

const policy: BackoffPolicy = { baseMs: 1_000, capMs: 60_000, giveUpAfterMs: 3_600_000 };
const lowest = () => 0;
const highest = () => 0.999_999_999;

describe("retryDelayMs", () => {
  it("doubles with each attempt (the fixed half and the whole step)", () => {
    const steps = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy, highest));
    expect(steps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy, lowest))).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
  });

  it("treats attempt 0 (and anything below) like the first", () => {
    expect(retryDelayMs(0, policy, highest)).toBe(1_000);
    expect(retryDelayMs(-3, policy, highest)).toBe(1_000);
  });

  it("never exceeds the cap, however many attempts", () => {
    for (const attempt of [7, 8, 10, 50, 1_000]) {
      expect(retryDelayMs(attempt, policy, highest)).toBe(60_000);
      expect(retryDelayMs(attempt, policy, lowest)).toBe(30_000);
    }
    // The default policy: 5 s first, at most 30 minutes.
    expect(retryDelayMs(1, DEFAULT_BACKOFF, highest)).toBe(5_000);
    expect(retryDelayMs(30, DEFAULT_BACKOFF, highest)).toBe(30 * 60_000);
  });

  it("keeps the jitter within [step/2, step]: never sooner than half a step", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const step = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
        const delay = retryDelayMs(attempt, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
        expect(delay).toBe(Math.round(step / 2 + r * (step / 2)));
      }
    }
  });

  it("spreads waiting mails out: different random draws give different delays", () => {
    const draws = [0.1, 0.3, 0.5, 0.7, 0.9].map((r) => retryDelayMs(4, policy, () => r));
    expect(new Set(draws).size).toBe(draws.length);
  });

  it("uses Math.random by default and stays in bounds", () => {
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(3, policy);
      expect(delay).toBeGreaterThanOrEqual(2_000);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it("returns whole milliseconds even for a fractional base (OUTBOX_RETRY_BASE_SECONDS=0.05)", () => {
    const small: BackoffPolicy = { baseMs: 0.05 * 1000, capMs: 60_000, giveUpAfterMs: 3_600_000 };
    for (const r of [0, 0.33, 0.77]) expect(Number.isInteger(retryDelayMs(3, small, () => r))).toBe(true);
  });

  it("gives up by time, not by count: at the horizon, never before (default 72 hours)", () => {
    const since = new Date("2026-11-24T01:00:00Z");
    const at = (ms: number) => new Date(since.getTime() + ms);
    expect(pastHorizon(since, at(3_600_000 - 1), policy)).toBe(false);
    expect(pastHorizon(since, at(3_600_000), policy)).toBe(true);
    expect(pastHorizon(since, at(72 * 3_600_000 - 1), DEFAULT_BACKOFF)).toBe(false);
    expect(pastHorizon(since, at(72 * 3_600_000), DEFAULT_BACKOFF)).toBe(true);
  });
});
