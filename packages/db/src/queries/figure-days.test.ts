import { expect, it } from "vitest";
import { lastDays } from "@uketsuke/domain";
import type { Call } from "../schema.ts";
import { forEachDialect, seedCall, seedContract, seedReport, seedUser } from "../testing.ts";
import { answeredByOperator, answerWaits, callsByHour, countsByContract, outcomeCounts } from "./agency-figures.ts";
import { rangeFigures } from "./figure-days.ts";

/** Thursday 2031-05-15 15:00 in Tokyo. */
const NOW = new Date("2031-05-15T06:00:00.000Z");
const RANGE = lastDays(10, NOW);
const DAY = 86_400_000;

forEachDialect("figure days", (t) => {
  const call = async (contractId: string, fields: { status: Call["status"]; ringAt: number; waitMs?: number; operatorId?: string }) => {
    const ringAt = new Date(fields.ringAt).toISOString();
    const row = await seedCall(t.db, contractId, { status: fields.status, ringAt });
    if (fields.waitMs !== undefined) {
      await t.db.updateTable("calls").set({ answeredAt: new Date(fields.ringAt + fields.waitMs).toISOString(), claimedBy: fields.operatorId ?? null }).where("id", "=", row.id).execute();
    }
    return row;
  };

  /** The same figures straight from calls and reports: what the kept days must add up to. */
  const live = async () => {
    const [hours, waits, operators, outcomes, contracts] = await Promise.all([
      callsByHour(t.db, RANGE),
      answerWaits(t.db, RANGE),
      answeredByOperator(t.db, RANGE),
      outcomeCounts(t.db, RANGE),
      countsByContract(t.db, RANGE),
    ]);
    return { hours, waits, operators, outcomes, contracts };
  };
  const sorted = (rows: readonly object[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const expectSame = async () => {
    const [kept, straight] = await Promise.all([rangeFigures(t.db, RANGE, NOW), live()]);
    for (const key of ["hours", "waits", "operators", "outcomes", "contracts"] as const) expect(sorted(kept[key]), key).toEqual(sorted(straight[key]));
  };

  it("adds kept settled days and live recent ones up to the figures straight from the calls, and keeps what it counted", async () => {
    const [aoba, midori] = [await seedContract(t.db), await seedContract(t.db)];
    const operator = await seedUser(t.db);
    for (let back = 0; back < 12; back++) {
      const ring = NOW.getTime() - back * DAY - 3 * 3_600_000;
      await call(aoba.id, { status: "ended", ringAt: ring, waitMs: 1_000 * (back + 3), operatorId: operator.id });
      await call(midori.id, { status: back % 3 === 0 ? "missed" : "closed", ringAt: ring + 60_000 });
      if (back % 2 === 0) await seedReport(t.db, aoba.id, operator.id, { receivedAt: new Date(ring).toISOString(), outcome: back % 4 === 0 ? "message" : "wrong_number" });
    }
    await expectSame();
    // The days before yesterday are kept; yesterday and today are not (their calls may still change).
    const kept = await t.db.selectFrom("figure_days").select(["day", "countedAt"]).orderBy("day").execute();
    expect(kept.map((k) => k.day)).toEqual(["2031-05-06", "2031-05-07", "2031-05-08", "2031-05-09", "2031-05-10", "2031-05-11", "2031-05-12", "2031-05-13"]);
    // Read again: nothing counted again.
    await expectSame();
    expect(await t.db.selectFrom("figure_days").select(["day", "countedAt"]).orderBy("day").execute()).toEqual(kept);
  });

  it("counts a kept day again when it changed: a late webhook, a report saved later, a ringing call marked missed", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    const fiveDaysAgo = NOW.getTime() - 5 * DAY;
    const ringing = await call(contract.id, { status: "ringing", ringAt: fiveDaysAgo });
    await expectSame();

    await call(contract.id, { status: "ended", ringAt: fiveDaysAgo + 600_000, waitMs: 30_000, operatorId: operator.id });
    await expectSame();

    await seedReport(t.db, contract.id, operator.id, { receivedAt: new Date(fiveDaysAgo + 600_000).toISOString(), outcome: "test_call" });
    await expectSame();

    await t.db.updateTable("calls").set({ status: "missed" }).where("id", "=", ringing.id).execute();
    await expectSame();
  });
});
