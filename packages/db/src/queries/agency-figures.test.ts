import { expect, it } from "vitest";
import type { Call } from "../schema.ts";
import { forEachDialect, seedCall, seedContract, seedReport, seedUser } from "../testing.ts";
import { answerWaits, callsByContract, callsByHour, callsByOperator, operatorsOnCall, outcomeCounts } from "./agency-figures.ts";

/** An instant `seconds` after 2031-03-03 01:00 UTC (10:00 in Tokyo). */
const at = (seconds: number) => new Date(Date.parse("2031-03-03T01:00:00.000Z") + seconds * 1000).toISOString();
const RANGE = { from: "2031-03-03T00:00:00.000Z", to: "2031-03-04T00:00:00.000Z" };

forEachDialect("agency figures", (t) => {
  /** A call as stored, answered or not: seeded ringing, then given its answer as claimCall would. */
  const call = async (contractId: string, fields: { status: Call["status"]; ringAt: string; source?: Call["source"]; answeredAt?: string; claimedBy?: string }) => {
    const { answeredAt = null, claimedBy = null, ...seeded } = fields;
    const row = await seedCall(t.db, contractId, seeded);
    await t.db.updateTable("calls").set({ answeredAt, claimedBy }).where("id", "=", row.id).execute();
    return row;
  };
  it("counts calls per UTC hour, answered, missed and closed; waits in whole seconds rounded up; per operator and outcome", async () => {
    const [aoba, midori] = [await seedContract(t.db), await seedContract(t.db)];
    const [sato, suzuki] = [await seedUser(t.db, { displayName: "佐藤" }), await seedUser(t.db, { displayName: "鈴木" })];
    const answered = (contractId: string, operatorId: string, ringS: number, waitMs: number) =>
      call(contractId, { status: "ended", ringAt: at(ringS), answeredAt: new Date(Date.parse(at(ringS)) + waitMs).toISOString(), claimedBy: operatorId });
    await answered(aoba.id, sato.id, 0, 4_000); // 4 s
    await answered(aoba.id, sato.id, 60, 20_000); // exactly 20 s: within 20 s
    await answered(aoba.id, suzuki.id, 120, 20_001); // 20.001 s → 21 s: not within
    await answered(midori.id, suzuki.id, 3_600, 45_500); // next hour, 46 s
    await answered(midori.id, sato.id, 3_700, -2_000); // the provider's clock ran ahead: 0 s, never negative
    await call(aoba.id, { status: "missed", ringAt: at(200) });
    await call(midori.id, { status: "closed", ringAt: at(7_300) });
    // Opened by hand: it never rang, so it has no speed of answer, but it was a call.
    await call(aoba.id, { status: "answered", source: "manual", ringAt: at(7_400), answeredAt: at(7_400), claimedBy: sato.id });
    // Outside the range: not counted.
    await answered(aoba.id, sato.id, -3_700, 1_000);
    await seedReport(t.db, aoba.id, sato.id, { receivedAt: at(10), outcome: "message" });
    await seedReport(t.db, aoba.id, sato.id, { receivedAt: at(70), outcome: "wrong_number" });
    await seedReport(t.db, midori.id, suzuki.id, { receivedAt: at(3_650), outcome: "message" });

    expect(await callsByHour(t.db, RANGE)).toEqual([
      { hour: "2031-03-03T01", calls: 4, answered: 3, missed: 1, closed: 0 },
      { hour: "2031-03-03T02", calls: 2, answered: 2, missed: 0, closed: 0 },
      { hour: "2031-03-03T03", calls: 2, answered: 1, missed: 0, closed: 1 },
    ]);
    expect(await answerWaits(t.db, RANGE)).toEqual([
      { seconds: 0, calls: 1 },
      { seconds: 4, calls: 1 },
      { seconds: 20, calls: 1 },
      { seconds: 21, calls: 1 },
      { seconds: 46, calls: 1 },
    ]);
    expect(await callsByOperator(t.db, RANGE)).toEqual([
      { operatorId: sato.id, displayName: "佐藤", answered: 4 },
      { operatorId: suzuki.id, displayName: "鈴木", answered: 2 },
    ]);
    expect(await outcomeCounts(t.db, RANGE)).toEqual([
      { outcome: "message", reports: 2 },
      { outcome: "wrong_number", reports: 1 },
    ]);
    const billed = await callsByContract(t.db, RANGE);
    expect(billed.find((c) => c.contractId === aoba.id)).toMatchObject({ calls: 5, answered: 4, missed: 1, closed: 0, answerName: aoba.answerName });
    expect(billed.find((c) => c.contractId === midori.id)).toMatchObject({ calls: 3, answered: 2, missed: 0, closed: 1 });
    expect(await operatorsOnCall(t.db)).toEqual([
      { callId: expect.any(String), operatorId: sato.id, displayName: "佐藤", answerName: aoba.answerName, answeredAt: at(7_400) },
    ]);
  });

  it("lists every contract in the billing count, a month without calls as 0", async () => {
    const quiet = await seedContract(t.db);
    const billed = await callsByContract(t.db, { from: "2040-01-01T00:00:00.000Z", to: "2040-02-01T00:00:00.000Z" });
    expect(billed.find((c) => c.contractId === quiet.id)).toEqual({
      contractId: quiet.id,
      legalEntityName: quiet.legalEntityName,
      answerName: quiet.answerName,
      calls: 0,
      answered: 0,
      missed: 0,
      closed: 0,
    });
  });
});
