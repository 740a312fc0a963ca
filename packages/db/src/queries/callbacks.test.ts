import { expect, it } from "vitest";
import type { Executor } from "../executor.ts";
import { forEachDialect, seedContract, seedReport, seedUser } from "../testing.ts";
import { insertCallback, listOpenCallbacks, listOpenCallbacksAll, markCallbackDone, recordReminder } from "./callbacks.ts";

async function callbackFor(db: Executor, contractId: string, operatorId: string, requestedAt: string) {
  const report = await seedReport(db, contractId, operatorId, {
    receivedAt: requestedAt,
    callbackRequested: true,
    callerName: `caller ${requestedAt}`,
  });
  return insertCallback(db, { reportId: report.id, contractId: contractId, requestedAt: requestedAt });
}

forEachDialect("callbacks", (t) => {
  it("lists a contract's open callbacks oldest first, with the caller", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const op = await seedUser(t.db);
    const newer = await callbackFor(t.db, contract.id, op.id, "2026-11-25T02:00:00.000Z");
    const older = await callbackFor(t.db, contract.id, op.id, "2026-11-25T01:00:00.000Z");
    await callbackFor(t.db, other.id, op.id, "2026-11-25T00:00:00.000Z");
    expect(older).toMatchObject({ status: "open", reminderCount: 0, doneAt: null });

    const open = await listOpenCallbacks(t.db, contract.id);
    expect(open.map((c) => c.id)).toEqual([older.id, newer.id]);
    expect(open[0]).toMatchObject({
      callerName: "caller 2026-11-25T01:00:00.000Z",
      callerCompany: "株式会社サンプル",
      callbackNumber: "03-1234-5678",
      receivedAt: "2026-11-25T01:00:00.000Z",
    });
    const all = (await listOpenCallbacksAll(t.db)).map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it("is marked done once, only by its own contract", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const client = await seedUser(t.db, { role: "client", contractId: contract.id, clientRole: "member" });
    const op = await seedUser(t.db);
    const callback = await callbackFor(t.db, contract.id, op.id, "2026-11-25T01:00:00.000Z");
    const now = "2026-11-25T01:30:00.000Z";

    expect(await markCallbackDone(t.db, other.id, callback.id, client.id, now)).toBeUndefined();
    const done = await markCallbackDone(t.db, contract.id, callback.id, client.id, now);
    expect(done).toMatchObject({ status: "done", doneAt: now, doneBy: client.id });
    expect(await markCallbackDone(t.db, contract.id, callback.id, client.id, now)).toBeUndefined();
    expect(await listOpenCallbacks(t.db, contract.id)).toEqual([]);
  });

  it("counts reminders while open, not after", async () => {
    const contract = await seedContract(t.db);
    const op = await seedUser(t.db);
    const callback = await callbackFor(t.db, contract.id, op.id, "2026-11-25T01:00:00.000Z");
    await recordReminder(t.db, callback.id, "2026-11-25T02:00:00.000Z");
    const second = await recordReminder(t.db, callback.id, "2026-11-25T03:00:00.000Z");
    expect(second).toMatchObject({ reminderCount: 2, lastRemindedAt: "2026-11-25T03:00:00.000Z" });
    await markCallbackDone(t.db, contract.id, callback.id, op.id, "2026-11-25T03:30:00.000Z");
    expect(await recordReminder(t.db, callback.id, "2026-11-25T04:00:00.000Z")).toBeUndefined();
  });

  it("allows one callback per report", async () => {
    const contract = await seedContract(t.db);
    const op = await seedUser(t.db);
    const callback = await callbackFor(t.db, contract.id, op.id, "2026-11-25T01:00:00.000Z");
    await expect(
      insertCallback(t.db, { reportId: callback.reportId, contractId: contract.id, requestedAt: "2026-11-25T01:00:00.000Z" }),
    ).rejects.toThrow();
  });
});
