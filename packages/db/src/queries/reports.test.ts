import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { forEachDialect, seedCall, seedContract, seedReport, seedUser } from "../testing.ts";
import { insertOutbox } from "./outbox.ts";
import {
  countReports,
  countReportsByContract,
  getReport,
  getReportByCallId,
  insertReport,
  listReports,
} from "./reports.ts";

forEachDialect("reports", (t) => {
  it("inserts a report and reads it back within its contract only", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const operator = await seedUser(t.db);
    const call = await seedCall(t.db, contract.id);
    const report = await insertReport(t.db, {
      contractId: contract.id,
      callId: call.id,
      operatorId: operator.id,
      receivedAt: "2026-11-25T01:00:00.000Z",
      callerCompany: "株式会社山田商事",
      callerName: "山田",
      callbackNumber: "03-1111-2222",
      requestedPerson: "佐藤",
      routedName: "佐藤",
      routedAddress: "sato@client.example",
      routingReason: "named",
      message: "折り返しお願いします。",
      callbackRequested: true,
      outcome: "message",
      subject: "【受電報告】",
      bodyText: "本文",
      bodyHtml: "<p>本文</p>",
      messageId: `<${randomUUID()}@uketsuke.example>`,
    });
    expect(report).toMatchObject({ callbackRequested: true, routedMemberId: null, wrongNumberEntryId: null });
    expect(await getReport(t.db, contract.id, report.id)).toEqual(report);
    expect(await getReport(t.db, other.id, report.id)).toBeUndefined();
    expect(await getReportByCallId(t.db, call.id)).toEqual(report);
    expect((await listReports(t.db, other.id)).reports).toEqual([]);
    // A list carries no mail body: that is the single report's.
    const { bodyText: _text, bodyHtml: _html, ...summary } = report;
    expect((await listReports(t.db, contract.id)).reports).toEqual([{ ...summary, callbackStatus: null }]);
  });

  it("finds Japanese substrings on both engines; punctuation alone is no search word", async () => {
    const contract = await seedContract(t.db);
    const op = await seedUser(t.db);
    const yamada = await seedReport(t.db, contract.id, op.id, { callerCompany: "株式会社山田商事", callerName: "田中" });
    const callback = await seedReport(t.db, contract.id, op.id, { message: "至急折り返しをお願いします" });
    const percent = await seedReport(t.db, contract.id, op.id, { message: "値引き50%の件" });
    const underscore = await seedReport(t.db, contract.id, op.id, { requestedPerson: "sato_k" });
    const latin = await seedReport(t.db, contract.id, op.id, { callerName: "John YAMADA" });
    const numbered = await seedReport(t.db, contract.id, op.id, { callbackNumber: "090-9876-5432" });
    const ids = async (q: string) => (await listReports(t.db, contract.id, { q })).reports.map((r) => r.id).sort();

    expect(await ids("山田")).toEqual([yamada.id]);
    expect(await ids("折り返し")).toEqual([callback.id]);
    // Folding drops punctuation (as it does "-" in numbers): "%" alone asks for nothing.
    expect((await listReports(t.db, contract.id, { q: "%" })).search).toBeNull();
    expect(await ids("50%")).toEqual([percent.id]);
    expect(await ids("sato_k")).toEqual([underscore.id]);
    expect(await ids("yamada")).toEqual([latin.id]);
    expect(await ids("9876")).toEqual([numbered.id]);
    expect(await ids("見つからない")).toEqual([]);
  });

  it("filters by outcome and time, newest first, in pages", async () => {
    const contract = await seedContract(t.db);
    const op = await seedUser(t.db);
    const at = (minute: number) => `2026-11-25T02:${String(minute).padStart(2, "0")}:00.000Z`;
    const made = [];
    for (let m = 0; m < 5; m++) made.push(await seedReport(t.db, contract.id, op.id, { receivedAt: at(m) }));
    const test = await seedReport(t.db, contract.id, op.id, { receivedAt: at(5), outcome: "test_call" });

    const first = await listReports(t.db, contract.id, { outcome: "message", limit: 2 });
    expect(first.reports.map((r) => r.receivedAt)).toEqual([at(4), at(3)]);
    const second = await listReports(t.db, contract.id, { outcome: "message", limit: 2, cursor: first.nextCursor ?? "" });
    expect(second.reports.map((r) => r.receivedAt)).toEqual([at(2), at(1)]);
    const third = await listReports(t.db, contract.id, { outcome: "message", limit: 2, cursor: second.nextCursor ?? "" });
    expect(third.reports.map((r) => r.id)).toEqual([made[0]!.id]);
    expect(third.nextCursor).toBeNull();

    const window = await listReports(t.db, contract.id, { from: at(1), to: at(3) });
    expect(window.reports.map((r) => r.receivedAt)).toEqual([at(2), at(1)]);
    expect((await listReports(t.db, contract.id, { outcome: "test_call" })).reports.map((r) => r.id)).toEqual([test.id]);
  });

  it("counts reports per outcome in a time range", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const op = await seedUser(t.db);
    const inRange = "2026-10-15T00:00:00.000Z";
    await seedReport(t.db, contract.id, op.id, { receivedAt: inRange });
    await seedReport(t.db, contract.id, op.id, { receivedAt: inRange });
    await seedReport(t.db, contract.id, op.id, { receivedAt: inRange, outcome: "wrong_number" });
    await seedReport(t.db, contract.id, op.id, { receivedAt: "2026-09-30T23:59:59.999Z" });
    await seedReport(t.db, other.id, op.id, { receivedAt: inRange, outcome: "other_company" });
    const october = { from: "2026-10-01T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" };

    expect(await countReports(t.db, contract.id, october)).toEqual({
      message: 2,
      wrong_number: 1,
      test_call: 0,
      other_company: 0,
      total: 3,
    });
    const all = await countReportsByContract(t.db, october);
    expect(all.filter((r) => r.contractId === other.id)).toEqual([
      { contractId: other.id, outcome: "other_company", count: 1 },
    ]);
  });

  it("leaves nothing behind when the transaction throws midway", async () => {
    const contract = await seedContract(t.db);
    const op = await seedUser(t.db);
    const messageId = `<${randomUUID()}@uketsuke.example>`;
    await expect(
      t.db.transaction().execute(async (trx) => {
        const report = await seedReport(trx, contract.id, op.id, { messageId: messageId });
        await insertOutbox(trx, {
          kind: "report",
          reportId: report.id,
          messageId: messageId,
          fromAddress: "op@uketsuke.example",
          toAddresses: ["desk@client.example"],
          subject: report.subject,
          bodyText: report.bodyText,
          bodyHtml: report.bodyHtml,
        });
        throw new Error("SMTP composer crashed");
      }),
    ).rejects.toThrow("SMTP composer crashed");
    const count = async (table: "reports" | "outbox") =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .where("messageId", "=", messageId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("reports")).toBe(0);
    expect(await count("outbox")).toBe(0);
  });
});
