// The supervisor's figures against calls whose every time the test chose: each figure is worked
// out again here, from the same list, without the SQL or the router's code.
import { claimCall, endCall, insertCall, markMissed } from "@uketsuke/db";
import { tokyoDate } from "@uketsuke/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectFieldError, expectRefusal, invoke, type Harness } from "../../../test/harness.ts";
import { speedOfAnswer } from "./speed-of-answer.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ operators: 2 });
});
afterAll(() => h.cleanup());

/** Tuesday 2026-11-24 15:00 in Tokyo: "now" for the figures. */
const NOW = "2026-11-24T06:00:00.000Z";

type Made = { contract: "a" | "b"; ringAt: number; waitMs: number | null; status: "ended" | "missed" | "closed"; operator: 0 | 1 };

/** Rings, over the last days, answered after a chosen wait by a chosen operator, or missed, or closed. */
const made: Made[] = [
  { contract: "a", ringAt: Date.parse("2026-11-24T01:00:00Z"), waitMs: 3_000, status: "ended", operator: 0 }, // Tue 10:00
  { contract: "a", ringAt: Date.parse("2026-11-24T01:30:00Z"), waitMs: 19_500, status: "ended", operator: 1 }, // Tue 10:30, 20 s
  { contract: "b", ringAt: Date.parse("2026-11-24T02:10:00Z"), waitMs: 25_000, status: "ended", operator: 0 }, // Tue 11:10
  { contract: "a", ringAt: Date.parse("2026-11-24T02:20:00Z"), waitMs: null, status: "missed", operator: 0 },
  { contract: "b", ringAt: Date.parse("2026-11-20T08:59:00Z"), waitMs: 61_000, status: "ended", operator: 1 }, // Fri 17:59
  { contract: "a", ringAt: Date.parse("2026-11-21T23:30:00Z"), waitMs: null, status: "closed", operator: 0 }, // Sun 08:30, before hours
  { contract: "a", ringAt: Date.parse("2026-10-26T00:00:00Z"), waitMs: 8_000, status: "ended", operator: 0 }, // the first day of 30
  { contract: "a", ringAt: Date.parse("2026-10-25T14:59:00Z"), waitMs: 8_000, status: "ended", operator: 0 }, // 23:59 the day before: out
];

beforeAll(async () => {
  for (const m of made) {
    const contract = h[m.contract].contract;
    const iso = new Date(m.ringAt).toISOString();
    const call = await insertCall(h.db, {
      contractId: contract.id,
      fromNumber: "+819012345678",
      toNumber: contract.numbers[0] ?? "",
      status: m.status === "closed" ? "closed" : "ringing",
      source: "telephony",
      ringAt: iso,
    });
    if (m.status === "missed") await markMissed(h.db, call.id, new Date(m.ringAt + 30_000).toISOString());
    if (m.status === "ended" && m.waitMs !== null) {
      await claimCall(h.db, call.id, h.operators[m.operator]!.id, new Date(m.ringAt + m.waitMs).toISOString());
      await endCall(h.db, call.id, new Date(m.ringAt + m.waitMs + 60_000).toISOString());
    }
  }
  h.setNow(NOW);
});

describe("admin.figures.get", () => {
  it("counts the last 30 Tokyo days as the calls were made", async () => {
    const figures = await (await h.callerAs(h.supervisor)).admin.figures.get();
    const from = Date.parse(figures.from);
    const inRange = made.filter((m) => m.ringAt >= from && m.ringAt < Date.parse(figures.to));

    expect(figures.days).toHaveLength(30);
    expect(figures.days.at(-1)?.date).toBe("2026-11-24");
    expect(figures.from).toBe("2026-10-25T15:00:00.000Z");
    // Per Tokyo day, worked out from the list.
    const perDay = new Map<string, number>();
    for (const m of inRange) perDay.set(tokyoDate(new Date(m.ringAt)), (perDay.get(tokyoDate(new Date(m.ringAt))) ?? 0) + 1);
    expect(Object.fromEntries(figures.days.filter((d) => d.calls > 0).map((d) => [d.date, d.calls]))).toEqual(Object.fromEntries(perDay));
    expect(figures.totals).toEqual({
      calls: inRange.length,
      answered: inRange.filter((m) => m.status === "ended").length,
      missed: inRange.filter((m) => m.status === "missed").length,
      closed: inRange.filter((m) => m.status === "closed").length,
    });
    // Weekday × hour in Tokyo (UTC + 9 h, 0 = Sunday).
    const heat = (m: Made) => {
      const tokyo = new Date(m.ringAt + 9 * 3_600_000);
      return [tokyo.getUTCDay(), tokyo.getUTCHours()] as const;
    };
    for (const m of inRange) {
      const [weekday, hour] = heat(m);
      expect(figures.heatmap[weekday]![hour]).toBe(inRange.filter((n) => heat(n)[0] === weekday && heat(n)[1] === hour).length);
    }
    expect(figures.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(inRange.length);
    // Speed of answer: whole seconds rounded up, nearest-rank percentiles.
    const waits = inRange.filter((m) => m.waitMs !== null && m.status === "ended").map((m) => Math.ceil((m.waitMs ?? 0) / 1000)).sort((a, b) => a - b);
    const rank = (p: number) => waits[Math.ceil((p * waits.length) / 100) - 1];
    expect(figures.speed).toEqual({
      answered: waits.length,
      withinTarget: waits.filter((s) => s <= 20).length,
      targetSeconds: 20,
      share: waits.filter((s) => s <= 20).length / waits.length,
      p50Seconds: rank(50),
      p90Seconds: rank(90),
    });
    expect(figures.operators.map((o) => [o.operatorId, o.answered])).toEqual([
      [h.operators[0]!.id, inRange.filter((m) => m.status === "ended" && m.operator === 0).length],
      [h.operators[1]!.id, inRange.filter((m) => m.status === "ended" && m.operator === 1).length],
    ]);
    expect(figures.outcomes.map((o) => o.outcome)).toEqual(["message", "wrong_number", "test_call", "other_company"]);
  });

  it("is for supervisors only", async () => {
    await expectRefusal((await h.callerAs(h.operator)).admin.figures.get(), "FORBIDDEN", "FORBIDDEN");
  });
});

describe("admin.figures.billing", () => {
  it("counts each contract's calls in a Tokyo month", async () => {
    const sup = await h.callerAs(h.supervisor);
    const november = await sup.admin.figures.billing({ month: "2026-11" });
    const inNovember = (c: "a" | "b") => made.filter((m) => m.contract === c && m.ringAt >= Date.parse("2026-10-31T15:00:00Z") && m.ringAt < Date.parse("2026-11-30T15:00:00Z"));
    for (const c of ["a", "b"] as const) {
      expect(november.contracts.find((row) => row.contractId === h[c].contract.id)).toMatchObject({
        calls: inNovember(c).length,
        answered: inNovember(c).filter((m) => m.status === "ended").length,
      });
    }
    const october = await sup.admin.figures.billing({ month: "2026-10" });
    expect(october.contracts.find((row) => row.contractId === h.a.contract.id)?.calls).toBe(2);
    await expectFieldError(sup.admin.figures.billing({ month: "2026-13" }), "month", "FIELD_FORMAT_INVALID");
  });
});

describe("admin.figures.wallboard", () => {
  it("sends a picture at once and a new one when a call rings", async () => {
    const ctx = await h.contextAs(h.supervisor);
    const ringing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const call = await insertCall(h.db, { contractId: h.a.contract.id, fromNumber: "+819099998888", toNumber: h.a.contract.numbers[0] ?? "", status: "ringing", source: "telephony", ringAt: NOW });
      h.bus.publish({ type: "call.ringing", callId: call.id, contractId: h.a.contract.id, answerName: h.a.contract.answerName, from: call.fromNumber, ringAt: NOW });
      return call;
    })();
    const pictures = (await invoke(ctx, { path: "admin.figures.wallboard", type: "subscription" }, undefined, 400)) as Array<{ ringing: Array<{ callId: string }>; longestWaitSince: string | null; today: { date: string; calls: number; speed: { answered: number } } }>;
    const call = await ringing;
    expect(pictures.length).toBeGreaterThanOrEqual(2);
    expect(pictures[0]!.ringing.map((r) => r.callId)).not.toContain(call.id);
    expect(pictures.at(-1)!.ringing.map((r) => r.callId)).toContain(call.id);
    expect(pictures.at(-1)!.longestWaitSince).toBe(NOW);
    const today = made.filter((m) => tokyoDate(new Date(m.ringAt)) === "2026-11-24");
    expect(pictures.at(-1)!.today).toMatchObject({ date: "2026-11-24", calls: today.length + 1, speed: { answered: today.filter((m) => m.status === "ended").length } });
  });
});

describe("speedOfAnswer", () => {
  it("takes percentiles by nearest rank, in whole numbers (0.9 × 30 is rank 27, not 28)", () => {
    const waits = Array.from({ length: 30 }, (_, i) => ({ seconds: i + 1, calls: 1 }));
    expect(speedOfAnswer(waits)).toMatchObject({ answered: 30, withinTarget: 20, p50Seconds: 15, p90Seconds: 27 });
    expect(speedOfAnswer([])).toEqual({ answered: 0, withinTarget: 0, targetSeconds: 20, share: null, p50Seconds: null, p90Seconds: null });
  });
});

