import { describe, expect, it } from "vitest";
import { expectRefusal, jst } from "../testing/helpers.ts";
import {
  assertCallbackOpen,
  DEFAULT_REMINDER_POLICY,
  isReminderDue,
  nextReminderAt,
  requestBlock,
  type ReminderState,
} from "./r05-callbacks.ts";

const open = (requestedAt: Date, lastRemindedAt: Date | null = null): ReminderState => ({ requestedAt, lastRemindedAt, status: "open" });

describe("R5 — no blocking, no gate-keeping", () => {
  it("refuses a block request with the Q5 explanation", () => {
    const error = expectRefusal(() => requestBlock("090-1234-5678"), "R5_BLOCKING_NOT_OFFERED");
    expect(error.rule).toBe("R5");
    expect(error.text.ja).toContain("着信拒否");
    expect(error.text.en).toContain("does not block");
    expectRefusal(() => requestBlock(), "R5_BLOCKING_NOT_OFFERED");
  });

  it("marks a callback done once, and refuses a second time", () => {
    expect(() => assertCallbackOpen("open")).not.toThrow();
    const error = expectRefusal(() => assertCallbackOpen("done"), "R5_CALLBACK_ALREADY_DONE");
    expect(error.rule).toBe("R5");
  });
});

describe("R5 — reminders until the callback is done", () => {
  it("uses 30 minutes, then every 120 minutes, by default", () => {
    expect(DEFAULT_REMINDER_POLICY).toEqual({ firstAfterMinutes: 30, everyMinutes: 120 });
  });

  it("reminds first 30 minutes after a request within hours, then every 120 minutes", () => {
    const requestedAt = jst("2026-01-05T10:00"); // Monday
    const first = nextReminderAt(open(requestedAt));
    expect(first).toEqual(jst("2026-01-05T10:30"));
    const second = nextReminderAt(open(requestedAt, first));
    expect(second).toEqual(jst("2026-01-05T12:30"));
    const third = nextReminderAt(open(requestedAt, second));
    expect(third).toEqual(jst("2026-01-05T14:30"));
  });

  it("waits for the next opening when a reminder would fall outside hours", () => {
    // 16:30 + 120 min = 18:30, closed: the next reminder is Tuesday 09:00.
    expect(nextReminderAt(open(jst("2026-01-05T10:00"), jst("2026-01-05T16:30")))).toEqual(jst("2026-01-06T09:00"));
    // Exactly 18:00 is closed too.
    expect(nextReminderAt(open(jst("2026-01-05T10:00"), jst("2026-01-05T16:00")))).toEqual(jst("2026-01-06T09:00"));
    // 17:29 + 30 = 17:59, still open.
    expect(nextReminderAt(open(jst("2026-01-05T17:29")))).toEqual(jst("2026-01-05T17:59"));
  });

  it("reminds a request made Friday 17:50 on Monday 09:00", () => {
    expect(nextReminderAt(open(jst("2026-01-16T17:50")))).toEqual(jst("2026-01-19T09:00"));
  });

  it("skips a holiday Monday: Friday 17:50 before 成人の日 is reminded Tuesday 09:00", () => {
    // 2026-01-12 is 成人の日 (Coming of Age Day).
    expect(nextReminderAt(open(jst("2026-01-09T17:50")))).toEqual(jst("2026-01-13T09:00"));
  });

  it("reminds a request made at night or on a weekend at the next opening", () => {
    expect(nextReminderAt(open(jst("2026-01-06T02:00")))).toEqual(jst("2026-01-06T09:00"));
    expect(nextReminderAt(open(jst("2026-01-17T12:00")))).toEqual(jst("2026-01-19T09:00"));
  });

  it("honours a custom policy", () => {
    expect(nextReminderAt(open(jst("2026-01-05T10:00")), { firstAfterMinutes: 5, everyMinutes: 60 })).toEqual(jst("2026-01-05T10:05"));
    expect(nextReminderAt(open(jst("2026-01-05T10:00"), jst("2026-01-05T10:05")), { firstAfterMinutes: 5, everyMinutes: 60 })).toEqual(
      jst("2026-01-05T11:05"),
    );
  });

  it("has nothing due once done", () => {
    const done: ReminderState = { requestedAt: jst("2026-01-05T10:00"), lastRemindedAt: null, status: "done" };
    expect(nextReminderAt(done)).toBeNull();
    expect(isReminderDue(done, jst("2026-01-07T10:00"))).toBe(false);
  });

  it("is due from its time on, within hours only", () => {
    const state = open(jst("2026-01-05T10:00"));
    expect(isReminderDue(state, jst("2026-01-05T10:29:59"))).toBe(false);
    expect(isReminderDue(state, jst("2026-01-05T10:30"))).toBe(true);
    expect(isReminderDue(state, jst("2026-01-05T17:59"))).toBe(true);
    // Still not done at night: not due, because no one should be woken for it.
    expect(isReminderDue(state, jst("2026-01-05T23:00"))).toBe(false);
    expect(isReminderDue(state, jst("2026-01-06T03:00"))).toBe(false);
    expect(isReminderDue(state, jst("2026-01-10T12:00"))).toBe(false); // Saturday
    expect(isReminderDue(state, jst("2026-01-12T12:00"))).toBe(false); // 成人の日
    expect(isReminderDue(state, jst("2026-01-13T09:00"))).toBe(true);
  });

  it("is not due at night even when it fell due in the evening", () => {
    const state = open(jst("2026-01-16T17:50"));
    expect(isReminderDue(state, jst("2026-01-16T18:20"))).toBe(false);
    expect(isReminderDue(state, jst("2026-01-17T10:00"))).toBe(false);
    expect(isReminderDue(state, jst("2026-01-19T08:59:59"))).toBe(false);
    expect(isReminderDue(state, jst("2026-01-19T09:00"))).toBe(true);
  });
});
