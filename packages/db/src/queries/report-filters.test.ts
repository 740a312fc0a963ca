import { expect, it } from "vitest";
import { forEachDialect, seedContract, seedReport, seedUser } from "../testing.ts";
import { insertCallback, markCallbackDone } from "./callbacks.ts";
import { countReportsByHour } from "./figures.ts";
import { insertOutbox } from "./outbox.ts";
import { firstReportOpening, getReportCallback, listReportMail, REPORT_OPENED } from "./report-timeline.ts";
import { insertAudit } from "./audit.ts";
import { insertRosterMember } from "./roster.ts";
import { countMatchingReports, listReports } from "./reports.ts";

forEachDialect("the dashboard's report queries", (t) => {
  it("filters by person, callback state and urgency, and counts what a filter matches", async () => {
    const contract = await seedContract(t.db);
    const op = await seedUser(t.db);
    const sato = await insertRosterMember(t.db, contract.id, { name: "佐藤", reportAddress: "sato@client.example", addressKind: "person" });
    const plain = await seedReport(t.db, contract.id, op.id, { routedMemberId: sato.id });
    const waiting = await seedReport(t.db, contract.id, op.id, { callbackRequested: true });
    const called = await seedReport(t.db, contract.id, op.id, { callbackRequested: true, routedMemberId: sato.id });
    await insertCallback(t.db, { reportId: waiting.id, contractId: contract.id, requestedAt: waiting.receivedAt });
    const done = await insertCallback(t.db, { reportId: called.id, contractId: contract.id, requestedAt: called.receivedAt });
    await markCallbackDone(t.db, contract.id, done.id, op.id, "2026-11-25T02:00:00.000Z");
    const ids = async (filter: Parameters<typeof listReports>[2]) => (await listReports(t.db, contract.id, filter)).reports.map((r) => r.id).sort();

    expect(await ids({ person: sato.id })).toEqual([plain.id, called.id].sort());
    expect(await ids({ callback: "open" })).toEqual([waiting.id]);
    expect(await ids({ callback: "done" })).toEqual([called.id]);
    expect(await ids({ urgent: true })).toEqual([waiting.id, called.id].sort());
    expect(await ids({ urgent: false })).toEqual([plain.id]);
    expect(await ids({ urgent: true, person: sato.id })).toEqual([called.id]);
    const listed = (await listReports(t.db, contract.id)).reports;
    expect(Object.fromEntries(listed.map((r) => [r.id, r.callbackStatus]))).toEqual({ [plain.id]: null, [waiting.id]: "open", [called.id]: "done" });
    expect(await countMatchingReports(t.db, contract.id)).toBe(3);
    expect(await countMatchingReports(t.db, contract.id, { urgent: true })).toBe(2);
    // Another contract's filters see none of these.
    const other = await seedContract(t.db);
    expect(await countMatchingReports(t.db, other.id, { person: sato.id })).toBe(0);
  });

  it("counts reports per UTC hour and outcome in a range, one contract only", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const op = await seedUser(t.db);
    await seedReport(t.db, contract.id, op.id, { receivedAt: "2026-11-24T01:05:00.000Z" });
    await seedReport(t.db, contract.id, op.id, { receivedAt: "2026-11-24T01:55:00.000Z" });
    await seedReport(t.db, contract.id, op.id, { receivedAt: "2026-11-24T02:10:00.000Z", outcome: "wrong_number" });
    await seedReport(t.db, contract.id, op.id, { receivedAt: "2026-12-01T02:10:00.000Z" });
    await seedReport(t.db, other.id, op.id, { receivedAt: "2026-11-24T01:10:00.000Z" });
    const rows = await countReportsByHour(t.db, contract.id, { from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z" });
    expect(rows.sort((a, b) => a.utcHour.localeCompare(b.utcHour))).toEqual([
      { utcHour: "2026-11-24T01", outcome: "message", count: 2 },
      { utcHour: "2026-11-24T02", outcome: "wrong_number", count: 1 },
    ]);
  });

  it("reads a report's mails, its first opening and its callback, within its contract only", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const op = await seedUser(t.db);
    const client = await seedUser(t.db, { role: "client", contractId: contract.id, clientRole: "owner", displayName: "山田 太郎" });
    const report = await seedReport(t.db, contract.id, op.id, { callbackRequested: true });
    await insertOutbox(t.db, { kind: "report", reportId: report.id, messageId: `<r.${report.id}>`, fromAddress: "sato@agency.example", toAddresses: ["a@client.example"], subject: "s", bodyText: "t", bodyHtml: "h" });
    expect((await listReportMail(t.db, contract.id, report.id)).map((m) => [m.kind, m.status, m.toAddresses])).toEqual([["report", "pending", ["a@client.example"]]]);
    expect(await listReportMail(t.db, other.id, report.id)).toEqual([]);

    expect(await firstReportOpening(t.db, contract.id, report.id)).toBeUndefined();
    for (const at of ["2026-11-25T03:00:00.000Z", "2026-11-25T02:00:00.000Z"]) {
      await insertAudit(t.db, { at, actorUserId: client.id, actorRole: "client", contractId: contract.id, action: REPORT_OPENED, entity: "report", entityId: report.id });
    }
    expect(await firstReportOpening(t.db, contract.id, report.id)).toEqual({ at: "2026-11-25T02:00:00.000Z", userId: client.id, displayName: "山田 太郎" });
    expect(await firstReportOpening(t.db, other.id, report.id)).toBeUndefined();

    const callback = await insertCallback(t.db, { reportId: report.id, contractId: contract.id, requestedAt: report.receivedAt });
    await markCallbackDone(t.db, contract.id, callback.id, client.id, "2026-11-25T04:00:00.000Z");
    expect(await getReportCallback(t.db, contract.id, report.id)).toMatchObject({ id: callback.id, status: "done", doneAt: "2026-11-25T04:00:00.000Z", doneByName: "山田 太郎" });
    expect(await getReportCallback(t.db, other.id, report.id)).toBeUndefined();
  });

  it("queues a notice mail (the outbox takes the third kind)", async () => {
    const row = await insertOutbox(t.db, { kind: "notice", messageId: `<notice.${Date.now()}@agency.example>`, fromAddress: "notice@agency.example", toAddresses: ["owner@client.example"], subject: "s", bodyText: "t", bodyHtml: "h" });
    expect(row.kind).toBe("notice");
  });
});
