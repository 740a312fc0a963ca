import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "../connect.ts";
import type { Db } from "../connect.ts";
import { forEachDialect, seedCall, seedContract, seedReport, seedUser } from "../testing.ts";
import {
  claimCall,
  endCall,
  findCallByExternalId,
  getCall,
  getCallForReport,
  insertCall,
  insertCallEvent,
  listMissed,
  listRinging,
  markMissed,
} from "./calls.ts";

forEachDialect("calls", (t) => {
  // Other connections to the same database, as other server instances would hold.
  let others: Db[] = [];
  beforeAll(() => {
    others = [createDb(t.url), createDb(t.url)];
  });
  afterAll(async () => {
    await Promise.all(others.map((o) => o.close()));
  });

  it("inserts a call and finds it by id and by the provider's id", async () => {
    const contract = await seedContract(t.db);
    const call = await insertCall(t.db, {
      contractId: contract.id,
      externalId: "CA-insert-1",
      fromNumber: "+819012345678",
      toNumber: contract.numbers[0]!,
      status: "ringing",
      source: "telephony",
      ringAt: "2026-11-25T00:00:00.000Z",
    });
    expect(call).toMatchObject({ direction: "inbound", status: "ringing", claimedBy: null, answeredAt: null });
    expect(await getCall(t.db, call.id)).toEqual(call);
    expect(await findCallByExternalId(t.db, "CA-insert-1")).toEqual(call);
    expect(await findCallByExternalId(t.db, "CA-none")).toBeUndefined();
  });

  it("allows many hand-opened calls without a provider id", async () => {
    const contract = await seedContract(t.db);
    await seedCall(t.db, contract.id, { externalId: null, source: "manual" });
    await seedCall(t.db, contract.id, { externalId: null, source: "manual" });
  });

  it("queues ringing calls oldest first, with the answer name", async () => {
    const contract = await seedContract(t.db, { answerName: "順番商事" });
    const later = await seedCall(t.db, contract.id, { ringAt: "2026-11-25T00:00:02.000Z" });
    const earlier = await seedCall(t.db, contract.id, { ringAt: "2026-11-25T00:00:01.000Z" });
    await seedCall(t.db, contract.id, { ringAt: "2026-11-25T00:00:00.000Z", status: "closed" });
    const mine = (await listRinging(t.db)).filter((c) => c.contractId === contract.id);
    expect(mine.map((c) => c.id)).toEqual([earlier.id, later.id]);
    expect(mine[0]?.answerName).toBe("順番商事");
  });

  it("lets exactly one of ten concurrent operators claim a call", async () => {
    const contract = await seedContract(t.db);
    const operators = await Promise.all(Array.from({ length: 10 }, () => seedUser(t.db)));
    const call = await seedCall(t.db, contract.id);
    const now = "2026-11-25T00:00:05.000Z";
    const handles = [t.db, ...others.map((o) => o.db)];
    const results = await Promise.all(
      operators.map((op, i) => claimCall(handles[i % handles.length]!, call.id, op.id, now)),
    );
    const winners = results.filter((r) => r !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: "answered", answeredAt: now });
    expect((await getCall(t.db, call.id))?.claimedBy).toBe(winners[0]?.claimedBy);
    expect((await listRinging(t.db)).some((c) => c.id === call.id)).toBe(false);
  });

  it("ends an answered call and marks an unanswered one missed", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    const answered = await seedCall(t.db, contract.id);
    const unanswered = await seedCall(t.db, contract.id, { ringAt: "2026-11-25T03:00:00.000Z" });
    const now = "2026-11-25T03:01:00.000Z";

    expect(await endCall(t.db, answered.id, now)).toBeUndefined(); // not answered yet
    await claimCall(t.db, answered.id, operator.id, now);
    expect(await markMissed(t.db, answered.id, now)).toBeUndefined(); // someone answered
    expect(await endCall(t.db, answered.id, now)).toMatchObject({ status: "ended", endedAt: now });

    expect(await markMissed(t.db, unanswered.id, now)).toMatchObject({ status: "missed", endedAt: now });
    expect(await claimCall(t.db, unanswered.id, operator.id, now)).toBeUndefined();
    const missed = await listMissed(t.db, { sinceIso: "2026-11-25T02:59:00.000Z" });
    expect(missed.map((c) => c.id)).toContain(unanswered.id);
    expect(missed.map((c) => c.id)).not.toContain(answered.id);
  });

  it("stores each telephony event once", async () => {
    const payload = { callId: "CA-event-1", from: "+819011112222", note: "着信" };
    expect(await insertCallEvent(t.db, { externalCallId: "CA-event-1", event: "ring", payload })).toBe(true);
    expect(await insertCallEvent(t.db, { externalCallId: "CA-event-1", event: "ring", payload })).toBe(false);
    expect(await insertCallEvent(t.db, { externalCallId: "CA-event-1", event: "hangup", payload })).toBe(true);
    const rows = await t.db.selectFrom("call_events").selectAll().where("externalCallId", "=", "CA-event-1").execute();
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]!.payload)).toEqual(payload);
  });

  it("stores each event once under concurrent retries", async () => {
    const handles = [t.db, ...others.map((o) => o.db)];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        insertCallEvent(handles[i % handles.length]!, { externalCallId: "CA-race", event: "ring", payload: { i } }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

forEachDialect("getCallForReport", (t) => {
  it("joins the contract's answer name and says whether a report exists", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db, { role: "operator" });
    const call = await seedCall(t.db, contract.id, { status: "answered" });
    expect(await getCallForReport(t.db, call.id)).toMatchObject({ id: call.id, answerName: contract.answerName, reportId: null });
    const report = await seedReport(t.db, contract.id, operator.id, { callId: call.id });
    expect((await getCallForReport(t.db, call.id))?.reportId).toBe(report.id);
    expect(await getCallForReport(t.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });
});
