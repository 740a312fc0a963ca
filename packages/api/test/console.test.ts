// What the operator console adds to the operator's procedures: the desk header (R2, R9), the
// report preview that is exactly what saving mails (R1, R2, R7, 至急), and the caller's history
// with this client (tenancy by the call's contract).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCall, type UserProfile } from "@uketsuke/db";
import { REPORT_SUBJECT, URGENT_LINE } from "@uketsuke/domain";
import { AGENCY_DOMAIN, createHarness, expectFieldError, expectRefusal, type Caller, type Harness } from "./harness.ts";

let h: Harness;
let op: Caller;
let other: Caller;

beforeAll(async () => {
  h = await createHarness({ operators: 2 });
  [op, other] = await Promise.all([h.callerAs(h.operator), h.callerAs(h.operators[1] as UserProfile)]);
});
afterAll(() => h.cleanup());

const advance = (minutes: number) => h.setNow(new Date(h.now().getTime() + minutes * 60_000));
const open = (contractId: string, from?: string) => op.calls.openManual({ contractId, ...(from ? { from } : {}) });

describe("calls.desk", () => {
  it("gives the server's time, this operator's sender (R2) and whether the agency is open (R9)", async () => {
    const desk = await op.calls.desk();
    expect(desk).toEqual({
      now: h.now().toISOString(),
      business: { open: true, closesAt: "2026-11-24T09:00:00.000Z" },
      sender: `op1@${AGENCY_DOMAIN}`,
    });
  });

  it("says when the agency opens next when it is closed (Friday evening → Monday 09:00)", async () => {
    const saved = h.now();
    h.setNow("2026-11-27T10:00:00.000Z"); // Friday 19:00 in Tokyo
    expect((await op.calls.desk()).business).toEqual({ open: false, reason: "after_hours", opensAt: "2026-11-30T00:00:00.000Z" });
    h.setNow(saved);
  });

  it("is for staff only", async () => {
    await expectRefusal((await h.callerAs(h.a.owner)).calls.desk(), "FORBIDDEN", "FORBIDDEN");
    await expectRefusal((await h.callerAs(null)).calls.desk(), "UNAUTHORIZED", "UNAUTHENTICATED");
  });
});

describe("calls.answer", () => {
  it("claims a ringing call and gives its screen pop in one go; the second operator is refused", async () => {
    const ringing = await insertCall(h.db, { contractId: h.a.contract.id, fromNumber: "+819033334444", toNumber: h.a.contract.numbers[0] ?? "", status: "ringing", source: "telephony", ringAt: h.now().toISOString() });
    const [first, second] = await Promise.allSettled([op.calls.answer({ id: ringing.id }), other.calls.answer({ id: ringing.id })]);
    expect(first.status).toBe("fulfilled");
    const pop = (first as PromiseFulfilledResult<Awaited<ReturnType<typeof op.calls.answer>>>).value;
    expect(pop.call).toMatchObject({ id: ringing.id, status: "answered", claimedBy: h.operator.id });
    expect(pop.answerPhrase.ja).toBe("お電話ありがとうございます。あおば商事でございます。");
    expect(pop.roster.map((m) => m.name)).toEqual(["山田 太郎", "佐藤 花子", "営業部"]);
    expect(pop).toEqual(await op.calls.screenPop({ id: ringing.id }));
    expect(second.status).toBe("rejected");
    await expectRefusal(other.calls.answer({ id: ringing.id }), "CONFLICT", "CALL_ALREADY_CLAIMED");
  });

  it("refuses a bad or unknown id", async () => {
    await expectFieldError(op.calls.answer({ id: "x" }), "id", "FIELD_ID_INVALID");
    await expectRefusal(op.calls.answer({ id: "0195f0c2-7d3a-7000-8000-000000000099" }), "NOT_FOUND", "NOT_FOUND");
  });
});

describe("calls.preview", () => {
  it("composes the report exactly as saving mails it, and writes nothing", async () => {
    const call = await open(h.a.contract.id, "090-1111-2222");
    const input = {
      callId: call.id,
      callerCompany: "株式会社さくら商事",
      callerName: "田中",
      callbackNumber: "090-1111-2222",
      requestedPerson: "佐藤さん",
      message: "見積もりの件です。",
      callbackRequested: true,
      urgent: true,
    };
    const before = await h.counts();
    const preview = await op.calls.preview(input);
    expect(await h.counts()).toEqual(before);
    expect(preview).toMatchObject({
      subject: REPORT_SUBJECT,
      from: `op1@${AGENCY_DOMAIN}`,
      to: ["hanako.sato@aoba.example.com"],
      routedTo: "佐藤 花子",
      routingReason: "named",
    });
    // 至急 heads the body, never the subject (R1).
    expect(preview.text.split("\n")[0]).toBe(URGENT_LINE);

    const saved = await op.calls.saveMessage(input);
    const report = await h.db.selectFrom("reports").selectAll().where("id", "=", saved.reportId).executeTakeFirstOrThrow();
    expect(report.bodyText).toBe(preview.text);
    expect(report.subject).toBe(REPORT_SUBJECT);
  });

  it("previews without 至急 when it is not marked", async () => {
    const call = await open(h.a.contract.id);
    const preview = await op.calls.preview({ callId: call.id, message: "ご用件" });
    expect(preview.text).not.toContain("【至急】");
    expect(preview).toMatchObject({ to: ["yamada@aoba.example.com"], routingReason: "not_named" });
  });

  it("refuses bad input with field errors, and calls that are not yours or already reported", async () => {
    const call = await open(h.a.contract.id);
    const before = await h.counts();
    await expectFieldError(op.calls.preview({ callId: call.id, message: "m", callbackNumber: "03-12" }), "callbackNumber", "FIELD_PHONE_INVALID");
    await expectFieldError(op.calls.preview({ callId: call.id, message: "" }), "message", "FIELD_REQUIRED");
    await expectFieldError(op.calls.preview({ callId: call.id, message: "m", urgent: "yes" } as never), "urgent", "FIELD_TYPE_INVALID");
    await expectFieldError(op.calls.preview({ callId: "not-a-uuid", message: "m" }), "callId", "FIELD_ID_INVALID");
    await expectRefusal(other.calls.preview({ callId: call.id, message: "m" }), "FORBIDDEN", "CALL_NOT_YOURS");
    expect(await h.counts()).toEqual(before);

    await op.calls.saveMessage({ callId: call.id, message: "m" });
    await expectRefusal(op.calls.preview({ callId: call.id, message: "m" }), "CONFLICT", "CALL_ALREADY_REPORTED");
  });
});

describe("calls.history", () => {
  it("lists earlier calls from the same number to the same client, newest first, with their reports", async () => {
    const number = "090-7777-8888";
    advance(1);
    const first = await open(h.a.contract.id, number);
    await op.calls.saveMessage({ callId: first.id, callerName: "高橋", message: "一度目のご用件" });
    advance(1);
    const unreported = await open(h.a.contract.id, number);
    advance(1);
    // Same number, other client: never in this client's history.
    await open(h.b.contract.id, number);
    advance(1);
    const current = await open(h.a.contract.id, number);

    const history = await op.calls.history({ id: current.id });
    expect(history.number).toBe("+819077778888");
    expect(history.calls.map((c) => c.id)).toEqual([unreported.id, first.id]);
    expect(history.calls[0]?.report).toBeNull();
    expect(history.calls[1]?.report).toMatchObject({ callerName: "高橋", message: "一度目のご用件", outcome: "message", routedName: "山田 太郎", callbackRequested: false });
  });

  it("is empty for a call with no caller number", async () => {
    const call = await open(h.a.contract.id);
    expect(await op.calls.history({ id: call.id })).toEqual({ number: "", calls: [] });
  });

  it("is the answering operator's only, and refuses a bad id", async () => {
    const call = await open(h.a.contract.id, "090-7777-8888");
    await expectRefusal(other.calls.history({ id: call.id }), "FORBIDDEN", "CALL_NOT_YOURS");
    await expectRefusal((await h.callerAs(h.a.owner)).calls.history({ id: call.id }), "FORBIDDEN", "FORBIDDEN");
    await expectFieldError(op.calls.history({ id: "x" }), "id", "FIELD_ID_INVALID");
    await expectRefusal(op.calls.history({ id: "0195f0c2-7d3a-7000-8000-000000000099" }), "NOT_FOUND", "NOT_FOUND");
  });
});
