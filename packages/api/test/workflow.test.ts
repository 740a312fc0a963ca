// The whole service through the routers, in the order it happens: a supervisor signs a client
// up, the client sets up its roster and wrong numbers, an operator takes calls and
// saves messages, the client reads the reports and calls back, the supervisor oversees it all.
// The tests share one story and run in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDueOutbox, findUserByEmail, insertCall, markCaptured, markFailedAttempt, markMissed, type UserProfile } from "@uketsuke/db";
import { REPORT_SUBJECT, SERVICE_REQUEST_KINDS, type MessageCode } from "@uketsuke/domain";
import { AGENCY_DOMAIN, createCaller, createHarness, expectFieldError, expectRefusal, invitationTokenFor, PASSWORD, sessionTokenIn, type Caller, type Harness } from "./harness.ts";
import { createContext } from "../src/index.ts";

let h: Harness;
let sup: Caller;
let op: Caller;
let client: Caller;
let clientUser: UserProfile;
let contractId = "";
const member: Record<"yamamoto" | "sales" | "kimura" | "temp", string> = { yamamoto: "", sales: "", kimura: "", temp: "" };
let wrongNumberId = "";
const calls: Record<"named" | "notNamed" | "notFound" | "wrongNumber", { callId: string; reportId: string; callbackId: string | null }> = {
  named: { callId: "", reportId: "", callbackId: null },
  notNamed: { callId: "", reportId: "", callbackId: null },
  notFound: { callId: "", reportId: "", callbackId: null },
  wrongNumber: { callId: "", reportId: "", callbackId: null },
};

beforeAll(async () => {
  h = await createHarness({ operators: 2 });
  [sup, op] = await Promise.all([h.callerAs(h.supervisor), h.callerAs(h.operator)]);
});
afterAll(() => h.cleanup());

/** Moves the clock on, so reports get distinct times and waits have an age. */
const advance = (minutes: number) => h.setNow(new Date(h.now().getTime() + minutes * 60_000));

describe("the supervisor signs up a client (R10)", () => {
  it("refuses a second answer name or legal entity with R10's own codes", async () => {
    const before = await h.counts();
    await expectFieldError(
      sup.admin.contracts.create({ legalEntityName: "株式会社ひまわり工業", answerName: ["ひまわり工業", "ひまわり食品"] } as never),
      "answerName",
      "R10_ONE_ANSWER_NAME",
    );
    await expectFieldError(
      sup.admin.contracts.create({ legalEntityName: ["株式会社ひまわり工業", "株式会社ひまわり食品"], answerName: "ひまわり工業" } as never),
      "legalEntityName",
      "R10_ONE_LEGAL_ENTITY",
    );
    expect(await h.counts()).toEqual(before);
  });

  it("creates the contract with its number in E.164", async () => {
    const contract = await sup.admin.contracts.create({
      legalEntityName: "株式会社ひまわり工業",
      answerName: "ひまわり工業",
      script: "工事のお問い合わせは担当者から折り返します。",
      numbers: ["03-5555-0101"],
    });
    contractId = contract.id;
    expect(contract).toMatchObject({ answerName: "ひまわり工業", legalEntityName: "株式会社ひまわり工業", status: "active", numbers: ["+81355550101"] });
    // A number that already answers for another contract is refused, at creation too.
    await expectRefusal(sup.admin.contracts.create({ legalEntityName: "株式会社別会社", answerName: "別会社", numbers: [h.a.contract.numbers[0] ?? ""] }), "CONFLICT", "NUMBER_TAKEN");
  });

  it("adds a number, once, and never one that belongs to another contract", async () => {
    expect(await sup.admin.contracts.addNumber({ id: contractId, number: "06-6666-0202" })).toEqual({ ok: true });
    expect((await sup.admin.contracts.get({ id: contractId })).numbers).toEqual(["+81355550101", "+81666660202"]);
    await expectRefusal(sup.admin.contracts.addNumber({ id: contractId, number: "+81666660202" }), "CONFLICT", "NUMBER_TAKEN");
    await expectRefusal(sup.admin.contracts.addNumber({ id: contractId, number: h.a.contract.numbers[0] ?? "" }), "CONFLICT", "NUMBER_TAKEN");
    await expectRefusal(sup.admin.contracts.addNumber({ id: crypto.randomUUID(), number: "03-5555-0999" }), "NOT_FOUND", "NOT_FOUND");
  });

  it("invites the client's owner, who sets a password through the link and is signed in", async () => {
    const invited = await sup.admin.clientUsers.create({
      contractId,
      email: "Owner@Himawari.example.com",
      displayName: "ひまわり 代表",
      clientRole: "owner",
    });
    expect(invited).toMatchObject({ status: "pending", email: "owner@himawari.example.com", role: "client", contractId, clientRole: "owner" });
    expect(JSON.stringify(invited)).not.toMatch(/token|password/i);
    const resHeaders = new Headers();
    const anonymous = createCaller(await createContext(h.deps, { headers: new Headers(), resHeaders }));
    const accepted = await anonymous.invitations.accept({ token: await invitationTokenFor(h.db, "owner@himawari.example.com"), password: PASSWORD });
    expect(accepted).toMatchObject({ home: "/", user: { email: "owner@himawari.example.com", role: "client", contractId, clientRole: "owner", disabledAt: null } });
    expect(sessionTokenIn(resHeaders)).not.toBe("");
    // Now a user of this contract: the same tenant may be told so.
    await expectRefusal(
      sup.admin.clientUsers.create({ contractId, email: "owner@himawari.example.com", displayName: "二重" }),
      "CONFLICT",
      "EMAIL_ALREADY_USER",
    );
    clientUser = (await findUserByEmail(h.db, "owner@himawari.example.com")) as UserProfile;
    client = await h.callerAs(clientUser);
    expect((await client.contract.get()).id).toBe(contractId);
    expect(await client.roster.list()).toEqual([]);
  });
});

describe("the client keeps its roster (R3, R7) and wrong numbers (R6)", () => {
  it("adds people and an open mailing list; readings are kept in katakana", async () => {
    const yamamoto = await client.roster.add({ name: "山本 一郎", nameKana: "やまもと いちろう", reportAddress: "yamamoto@himawari.example.com" });
    expect(yamamoto).toMatchObject({ position: 1, nameKana: "ヤマモト イチロウ", addressKind: "person", listPolicy: null, contractId: contractId });
    const sales = await client.roster.add({ name: "営業部", reportAddress: "sales-ml@himawari.example.com", addressKind: "list", listPolicy: "open" });
    expect(sales).toMatchObject({ position: 2, addressKind: "list", listPolicy: "open" });
    const kimura = await client.roster.add({ name: "木村 さくら", nameKana: "キムラ サクラ", reportAddress: "kimura@himawari.example.com" });
    const temp = await client.roster.add({ name: "臨時 受付", reportAddress: "temp@himawari.example.com" });
    Object.assign(member, { yamamoto: yamamoto.id, sales: sales.id, kimura: kimura.id, temp: temp.id });
    expect((await client.roster.list()).map((m) => m.position)).toEqual([1, 2, 3, 4]);
  });

  it("refuses an agency address and a members-only list with R3's codes, writing nothing", async () => {
    const before = await h.counts();
    for (const address of [`uketsuke@${AGENCY_DOMAIN}`, `Someone@MAIL.${AGENCY_DOMAIN.toUpperCase()}`]) {
      const { data } = await expectRefusal(client.roster.add({ name: "受付", reportAddress: address }), "UNPROCESSABLE_CONTENT", "R3_AGENCY_DOMAIN_ADDRESS");
      expect(data.rule).toBe("R3");
      expect(data.text.ja).toContain(`@${AGENCY_DOMAIN}`);
      expect(data.fields[0]?.path).toBe("reportAddress");
    }
    const { data } = await expectRefusal(
      client.roster.add({ name: "全社", reportAddress: "all@himawari.example.com", addressKind: "list", listPolicy: "members_only" }),
      "UNPROCESSABLE_CONTENT",
      "R3_MEMBERS_ONLY_LIST",
    );
    expect(data.fields[0]?.path).toBe("listPolicy");
    await expectFieldError(client.roster.add({ name: "全社", reportAddress: "all@himawari.example.com", addressKind: "list" }), "listPolicy", "FIELD_LIST_POLICY_REQUIRED");
    await expectRefusal(
      client.roster.update({ id: member.kimura, name: "木村 さくら", reportAddress: `kimura@${AGENCY_DOMAIN}` }),
      "UNPROCESSABLE_CONTENT",
      "R3_AGENCY_DOMAIN_ADDRESS",
    );
    expect(await h.counts()).toEqual(before);
  });

  it("edits a member", async () => {
    const updated = await client.roster.update({ id: member.kimura, name: "木村 さくら", nameKana: "きむら さくら", reportAddress: "s.kimura@himawari.example.com" });
    expect(updated).toMatchObject({ id: member.kimura, reportAddress: "s.kimura@himawari.example.com", nameKana: "キムラ サクラ", position: 3 });
  });

  it("reorders: the new top is the default recipient; an order that misses or invents someone is R7_REORDER_INVALID", async () => {
    const order = [member.kimura, member.yamamoto, member.sales, member.temp];
    const reordered = await client.roster.reorder({ orderedIds: order });
    expect(reordered.map((m) => [m.id, m.position])).toEqual(order.map((id, i) => [id, i + 1]));
    for (const orderedIds of [
      [member.kimura, member.yamamoto, member.sales],
      [member.kimura, member.yamamoto, member.sales, crypto.randomUUID()],
      [member.kimura, member.kimura, member.yamamoto, member.sales],
      [...order, h.a.roster[0]?.id ?? ""],
    ]) {
      await expectRefusal(client.roster.reorder({ orderedIds }), "UNPROCESSABLE_CONTENT", "R7_REORDER_INVALID");
    }
    await expectFieldError(client.roster.reorder({ orderedIds: [] }), "orderedIds", "R7_REORDER_INVALID");
    expect((await client.roster.list()).map((m) => m.id)).toEqual(order);
  });

  it("removes a member and closes the gap; the last member cannot go (R7_LAST_MEMBER)", async () => {
    expect(await client.roster.remove({ id: member.temp })).toEqual({ ok: true });
    const roster = await client.roster.list();
    expect(roster.map((m) => [m.id, m.position])).toEqual([
      [member.kimura, 1],
      [member.yamamoto, 2],
      [member.sales, 3],
    ]);
    await expectRefusal(client.roster.remove({ id: member.temp }), "NOT_FOUND", "NOT_FOUND");
    // Contract B keeps one person on its roster.
    const b = await h.callerAs(h.b.owner);
    const only = h.b.roster[0]?.id ?? "";
    const { data } = await expectRefusal(b.roster.remove({ id: only }), "UNPROCESSABLE_CONTENT", "R7_LAST_MEMBER");
    expect(data.rule).toBe("R7");
    expect((await b.roster.list()).map((m) => m.id)).toEqual([only]);
  });

  it("registers wrong-number look-alikes (R6) and edits and removes them", async () => {
    const entry = await client.wrongNumbers.add({ companyName: "株式会社ＡＢＣ", companyNameKana: "えーびーしー", numbers: ["03-9999-1234"], typicalCalls: "ABC様宛の配送のお問い合わせ" });
    wrongNumberId = entry.id;
    expect(entry).toMatchObject({ companyName: "株式会社ＡＢＣ", companyNameKana: "エービーシー", numbers: ["+81399991234"], contractId: contractId });
    const updated = await client.wrongNumbers.update({ id: wrongNumberId, companyName: "株式会社ＡＢＣ", companyNameKana: "エービーシー", numbers: ["03-9999-1234"], typicalCalls: "配送・集荷のお問い合わせ" });
    expect(updated.typicalCalls).toBe("配送・集荷のお問い合わせ");
    const extra = await client.wrongNumbers.add({ companyName: "ひまわり食品", typicalCalls: "" });
    expect(await client.wrongNumbers.remove({ id: extra.id })).toEqual({ ok: true });
    await expectRefusal(client.wrongNumbers.remove({ id: extra.id }), "NOT_FOUND", "NOT_FOUND");
    expect((await client.wrongNumbers.list()).map((e) => e.id)).toEqual([wrongNumberId]);
  });
});

describe("an operator takes calls (R2, R5, R6, R7, R8, R10)", () => {
  it("lists active contracts only", async () => {
    expect((await op.calls.contracts()).find((c) => c.id === contractId)).toEqual({ id: contractId, answerName: "ひまわり工業", numbers: ["+81355550101", "+81666660202"] });
    await sup.admin.contracts.update({ id: contractId, status: "suspended" });
    expect((await op.calls.contracts()).map((c) => c.id)).not.toContain(contractId);
    await expectRefusal(op.calls.openManual({ contractId }), "BAD_REQUEST", "CONTRACT_INACTIVE");
    await sup.admin.contracts.update({ id: contractId, status: "active" });
  });

  it("opens a call by hand and gets the screen pop in the contract's one answer name", async () => {
    advance(1);
    const call = await op.calls.openManual({ contractId, from: "090-1234-5678" });
    calls.named.callId = call.id;
    expect(call).toMatchObject({ status: "answered", claimedBy: h.operator.id, source: "manual", fromNumber: "+819012345678", answeredAt: h.now().toISOString() });
    expect((await op.calls.queue()).map((c) => c.id)).not.toContain(call.id);

    const pop = await op.calls.screenPop({ id: call.id });
    expect(pop.answerPhrase.ja).toContain("ひまわり工業");
    expect(pop.answerPhrase.ja).toBe("お電話ありがとうございます。ひまわり工業でございます。");
    expect(pop.contract).toMatchObject({ id: contractId, script: "工事のお問い合わせは担当者から折り返します。" });
    expect(pop.roster.map((m) => m.id)).toEqual([member.kimura, member.yamamoto, member.sales]);
    expect(pop.wrongNumbers.map((e) => e.id)).toEqual([wrongNumberId]);
    expect(pop.business.open).toBe(true);
    expect(pop.outcomes.map((o) => o.value)).toEqual(["message", "wrong_number", "test_call", "other_company"]);
    // Only the operator who answered sees it.
    const other = await h.callerAs(h.operators[1] as UserProfile);
    await expectRefusal(other.calls.screenPop({ id: call.id }), "FORBIDDEN", "CALL_NOT_YOURS");
  });

  it("assesses what the caller says: a wrong-number match (R6), other company (R10), roster route (R7)", async () => {
    const callId = calls.named.callId;
    const wrong = await op.calls.assess({ callId, company: "（株）ＡＢＣさんですか" });
    expect(wrong.wrongNumber.kind).toBe("match");
    expect(wrong.wrongNumber.matches[0]).toMatchObject({ entryId: wrongNumberId, companyName: "株式会社ＡＢＣ" });
    expect(wrong.wrongNumber.matches[0]?.reasons).toContain("company");
    expect(wrong.companyAskedFor).toBe("other_company");
    expect(wrong.routing).toEqual({ memberId: member.kimura, name: "木村 さくら", reason: "not_named" });

    const byNumber = await op.calls.assess({ callId, number: "03-9999-1234" });
    expect(byNumber.wrongNumber.matches[0]).toMatchObject({ entryId: wrongNumberId, reasons: ["number"] });

    const ours = await op.calls.assess({ callId, company: "ひまわり工業さんですか", requestedPerson: "やまもとさん" });
    expect(ours.wrongNumber.kind).toBe("no_match");
    expect(ours.companyAskedFor).toBe("this_company");
    expect(ours.routing).toEqual({ memberId: member.yamamoto, name: "山本 一郎", reason: "named" });

    const nobody = await op.calls.assess({ callId, requestedPerson: "鈴木部長" });
    expect(nobody.routing).toMatchObject({ memberId: member.kimura, reason: "not_found" });
  });

  async function saveAndCheck(
    key: keyof typeof calls,
    input: Record<string, unknown>,
    expected: { routedTo: string; address: string; reason: string; callback: boolean },
  ) {
    const before = await h.counts();
    const saved = await op.calls.saveMessage({ callId: calls[key].callId, ...input });
    calls[key] = { ...calls[key], reportId: saved.reportId, callbackId: saved.callbackId };
    expect(saved).toMatchObject({ routedTo: expected.routedTo, routingReason: expected.reason });
    expect(saved.callbackId !== null).toBe(expected.callback);

    // One report with its search row, one outbox row, an audit row, and a callback only if one
    // was asked for. On SQLite the search row is in the pending list until the list goes into
    // report_search with the others (counted together here); FTS5's own tables grow by however
    // its segments fall (packages/db's search tests pin that bookkeeping).
    const after = await h.counts();
    const searchRows = (c: Record<string, number>) => (c["report_search"] ?? 0) + (c["report_search_pending"] ?? 0);
    const grew = Object.fromEntries(
      Object.keys(after)
        .filter((t) => after[t] !== before[t] && !/^report_search_(fts|pending)/.test(t) && t !== "report_search")
        .map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]),
    );
    grew["report_search"] = searchRows(after) - searchRows(before);
    expect(grew).toEqual({ reports: 1, report_search: 1, outbox: 1, audit_log: 1, ...(expected.callback ? { callbacks: 1 } : {}) });

    const report = await h.db.selectFrom("reports").selectAll().where("id", "=", saved.reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ contractId: contractId, callId: calls[key].callId, routedAddress: expected.address, routingReason: expected.reason, subject: REPORT_SUBJECT });
    const outbox = await h.db.selectFrom("outbox").selectAll().where("reportId", "=", saved.reportId).executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({
      kind: "report",
      status: "pending",
      subject: REPORT_SUBJECT,
      fromAddress: `${h.operator.mailbox}@${AGENCY_DOMAIN}`,
      messageId: `<report.${saved.reportId}@${AGENCY_DOMAIN}>`,
      bodyText: report.bodyText,
    });
    expect(JSON.parse(outbox.toAddresses)).toEqual([expected.address]);
    const callbacks = await h.db.selectFrom("callbacks").selectAll().where("reportId", "=", saved.reportId).execute();
    expect(callbacks.map((c) => [c.id, c.status, c.contractId, c.requestedAt])).toEqual(
      expected.callback ? [[saved.callbackId, "open", contractId, report.receivedAt]] : [],
    );
    const audit = await h.db.selectFrom("audit_log").selectAll().where("entityId", "=", saved.reportId).execute();
    expect(audit.map((a) => [a.action, a.actorUserId, a.contractId])).toEqual([["report.create", h.operator.id, contractId]]);
    return report;
  }

  it("saves a message for a named person: routed to them, callback queued", async () => {
    const report = await saveAndCheck(
      "named",
      {
        callerCompany: "株式会社ＸＹＺ",
        callerName: "高橋",
        callbackNumber: "03-1111-2222",
        requestedPerson: "山本さん",
        message: "お見積りの件でお電話がありました。折り返しをお願いします。",
        callbackRequested: true,
      },
      { routedTo: "山本 一郎", address: "yamamoto@himawari.example.com", reason: "named", callback: true },
    );
    expect(report.bodyText).toContain("■誰から\n株式会社ＸＹＺ 高橋 様");
    expect(report.bodyText).toContain("03-1111-2222");
    expect(report.bodyText).toContain("あり（お電話の方が折り返しをお待ちです");
    expect(report.callbackNumber).toBe("+81311112222");
  });

  it("refuses to save the same call twice, or a call another operator answered", async () => {
    const before = await h.counts();
    await expectRefusal(op.calls.saveMessage({ callId: calls.named.callId, message: "二度目" }), "CONFLICT", "CALL_ALREADY_REPORTED");
    const other = await h.callerAs(h.operators[1] as UserProfile);
    await expectRefusal(other.calls.saveMessage({ callId: calls.named.callId, message: "横取り" }), "FORBIDDEN", "CALL_NOT_YOURS");
    await expectRefusal(op.calls.saveMessage({ callId: crypto.randomUUID(), message: "存在しない" }), "NOT_FOUND", "NOT_FOUND");
    // R5: a callback needs a number to call back.
    await expectFieldError(op.calls.saveMessage({ callId: calls.named.callId, message: "折り返し", callbackRequested: true }), "callbackNumber", "FIELD_REQUIRED");
    expect(await h.counts()).toEqual(before);
  });

  it("saves a message that names no one: position 1, no callback", async () => {
    advance(1);
    calls.notNamed.callId = (await op.calls.openManual({ contractId })).id;
    const report = await saveAndCheck(
      "notNamed",
      { callerName: "やまだ", message: "資料送付のご依頼です。" },
      { routedTo: "木村 さくら", address: "s.kimura@himawari.example.com", reason: "not_named", callback: false },
    );
    expect(report.bodyText).toContain("ご指名なし（名簿最上位の 木村 さくら 様 へご報告）");
    expect(report.bodyText).toContain("■誰から\nやまだ 様");
  });

  it("saves a message for someone not on the roster: position 1, marked not_found", async () => {
    advance(1);
    calls.notFound.callId = (await op.calls.openManual({ contractId })).id;
    const report = await saveAndCheck(
      "notFound",
      { callerCompany: "ＡＢＣ商事様", callerName: "佐々木", requestedPerson: "鈴木部長", message: "鈴木部長宛のお電話でした。" },
      { routedTo: "木村 さくら", address: "s.kimura@himawari.example.com", reason: "not_found", callback: false },
    );
    expect(report.bodyText).toContain("名簿にご登録がないため");
  });

  it("saves a wrong number with the wrong-number entry it matched, never another contract's entry", async () => {
    advance(1);
    calls.wrongNumber.callId = (await op.calls.openManual({ contractId })).id;
    await expectRefusal(
      op.calls.saveMessage({ callId: calls.wrongNumber.callId, outcome: "wrong_number", wrongNumberEntryId: h.a.wrongNumbers[0]?.id }),
      "NOT_FOUND",
      "NOT_FOUND",
    );
    const report = await saveAndCheck(
      "wrongNumber",
      { callerCompany: "（株）ＡＢＣ", outcome: "wrong_number", wrongNumberEntryId: wrongNumberId },
      { routedTo: "木村 さくら", address: "s.kimura@himawari.example.com", reason: "not_named", callback: false },
    );
    expect(report.wrongNumberEntryId).toBe(wrongNumberId);
    expect(report.bodyText).toContain("間違い電話（先方にお伝え済み）");
  });

  it("ends the call it answered, once", async () => {
    const ended = await op.calls.end({ id: calls.named.callId });
    expect(ended).toMatchObject({ status: "ended", endedAt: h.now().toISOString() });
    await expectRefusal(op.calls.end({ id: calls.named.callId }), "NOT_FOUND", "NOT_FOUND");
  });

  it("claims a ringing call from the queue", async () => {
    const ringing = await insertCall(h.db, { contractId: contractId, fromNumber: "+819099998888", toNumber: "+81355550101", status: "ringing", source: "telephony", ringAt: h.now().toISOString() });
    expect((await op.calls.queue()).find((c) => c.id === ringing.id)).toMatchObject({ answerName: "ひまわり工業" });
    expect(await op.calls.claim({ id: ringing.id })).toMatchObject({ status: "answered", claimedBy: h.operator.id });
    expect((await op.calls.queue()).map((c) => c.id)).not.toContain(ringing.id);
  });
});

describe("the client reads its reports and calls back (R1, R4, R5, R10)", () => {
  it("lists reports newest first and finds them by Japanese substrings", async () => {
    const all = await client.reports.list({});
    expect(all.reports.map((r) => r.id)).toEqual([calls.wrongNumber.reportId, calls.notFound.reportId, calls.notNamed.reportId, calls.named.reportId]);
    expect(all.nextCursor).toBeNull();
    const page = await client.reports.list({ limit: 3 });
    expect(page.reports).toHaveLength(3);
    const rest = await client.reports.list({ limit: 3, cursor: page.nextCursor ?? "" });
    expect(rest.reports.map((r) => r.id)).toEqual([calls.named.reportId]);

    const ids = async (q: string) => (await client.reports.list({ q })).reports.map((r) => r.id);
    expect(await ids("見積")).toEqual([calls.named.reportId]);
    expect(await ids("高橋")).toEqual([calls.named.reportId]);
    expect(await ids("資料送付")).toEqual([calls.notNamed.reportId]);
    expect(await ids("鈴木部長")).toEqual([calls.notFound.reportId]);
    // Folded alike: width, kana (issue 11). Punctuation alone is no search word.
    expect(await ids("xyz 高橋")).toEqual([calls.named.reportId]);
    expect((await ids("ａｂｃ")).length).toBeGreaterThan(0);
    expect(await ids("ａｂｃ")).toEqual(await ids("ABC"));
    expect((await client.reports.list({ q: "%" })).search).toBeNull();
    expect((await client.reports.list({ outcome: "wrong_number" })).reports.map((r) => r.id)).toEqual([calls.wrongNumber.reportId]);
  });

  it("opens one report as it was mailed", async () => {
    const report = await client.reports.get({ id: calls.named.reportId });
    expect(report).toMatchObject({ id: calls.named.reportId, subject: REPORT_SUBJECT, outcomeLabel: { ja: "ご伝言", en: "Message taken" }, routedName: "山本 一郎" });
    expect(report.bodyHtml).toContain("株式会社ＸＹＺ 高橋 様");
  });

  it("lists open callbacks with how long the caller has waited", async () => {
    advance(45);
    const open = await client.callbacks.listOpen();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: calls.named.callbackId, reportId: calls.named.reportId, callbackNumber: "+81311112222", fromWhom: { ja: "株式会社ＸＹＺ 高橋 様" } });
    expect(open[0]?.ageMinutes).toBe(48);
    expect(open[0]?.age).toEqual({ ja: "48分", en: "48 min" });
  });

  it("marks the callback done, once (R5_CALLBACK_ALREADY_DONE the second time)", async () => {
    const id = calls.named.callbackId ?? "";
    const done = await client.callbacks.markDone({ id });
    expect(done).toMatchObject({ id, status: "done", doneBy: clientUser.id, doneAt: h.now().toISOString() });
    const { data } = await expectRefusal(client.callbacks.markDone({ id }), "UNPROCESSABLE_CONTENT", "R5_CALLBACK_ALREADY_DONE");
    expect(data.rule).toBe("R5");
    expect(await client.callbacks.listOpen()).toEqual([]);
    await expectRefusal(client.callbacks.markDone({ id: crypto.randomUUID() }), "NOT_FOUND", "NOT_FOUND");
  });

  it("sees how its reports arrive", async () => {
    const contract = await client.contract.get();
    expect(contract).toMatchObject({
      id: contractId,
      answerName: "ひまわり工業",
      reportSubject: REPORT_SUBJECT,
      senderDomain: AGENCY_DOMAIN,
      open: true,
      opensAt: null,
      numbers: ["+81355550101", "+81666660202"],
    });
    expect(contract.senderFilterHint.ja).toContain(`@${AGENCY_DOMAIN}`);
  });

  it("is told no, with the rule, to each request the Q&A refuses", async () => {
    const expected: Record<(typeof SERVICE_REQUEST_KINDS)[number], [MessageCode, string]> = {
      change_subject: ["R1_SUBJECT_FIXED", "R1"],
      block_caller: ["R5_BLOCKING_NOT_OFFERED", "R5"],
      outbound_call: ["R4_OUTBOUND_NOT_OFFERED", "R4"],
      additional_legal_entity: ["R10_ONE_LEGAL_ENTITY", "R10"],
      alternative_answer_name: ["R10_ONE_ANSWER_NAME", "R10"],
    };
    expect(Object.keys(expected).sort()).toEqual([...SERVICE_REQUEST_KINDS].sort());
    const before = await h.counts();
    for (const kind of SERVICE_REQUEST_KINDS) {
      const [code, rule] = expected[kind];
      const { data } = await expectRefusal(client.contract.request({ kind }), "UNPROCESSABLE_CONTENT", code);
      expect(data.rule).toBe(rule);
    }
    expect(await h.counts()).toEqual(before);
  });
});

describe("the supervisor oversees", () => {
  it("reads the outbox and retries only failed mail", async () => {
    const outbox = await sup.admin.mail.outbox({ status: "pending" });
    const ours = outbox.filter((m) => m.reportId && Object.values(calls).some((c) => c.reportId === m.reportId));
    expect(ours).toHaveLength(4);
    for (const m of ours) expect(m).toMatchObject({ subject: REPORT_SUBJECT, fromAddress: `${h.operator.mailbox}@${AGENCY_DOMAIN}` });

    // What the outbox worker does with no SMTP: lease the due mail, capture one, fail another.
    const leased = await claimDueOutbox(h.db, { nowIso: h.now().toISOString(), limit: 50, lockForMs: 60_000 });
    expect(leased.length).toBeGreaterThanOrEqual(4);
    const [first, second] = leased;
    if (!first || !second) throw new Error("nothing leased");
    await markCaptured(h.db, first.id, h.now().toISOString());
    await markFailedAttempt(h.db, second.id, "550 mailbox unavailable", h.now().toISOString(), true);

    const captured = await sup.admin.mail.captured();
    expect(captured.map((c) => c.outboxId)).toContain(first.id);
    const item = await sup.admin.mail.capturedItem({ id: captured.find((c) => c.outboxId === first.id)?.id ?? "" });
    expect(item).toMatchObject({ subject: REPORT_SUBJECT, fromAddress: first.fromAddress, toAddresses: first.toAddresses });
    expect((await sup.admin.mail.outboxItem({ id: first.id })).status).toBe("captured");

    await expectRefusal(sup.admin.mail.retry({ id: first.id }), "CONFLICT", "OUTBOX_NOT_FAILED");
    expect(await sup.admin.mail.retry({ id: second.id })).toMatchObject({ id: second.id, status: "pending", lastError: "550 mailbox unavailable" });
    await expectRefusal(sup.admin.mail.retry({ id: crypto.randomUUID() }), "NOT_FOUND", "NOT_FOUND");
  });

  it("reads the audit trail of the contract", async () => {
    const trail = (await sup.admin.oversight.audit({ contractId, limit: 500 })).entries;
    const actions = new Set(trail.map((e) => e.action));
    for (const action of [
      "contract.create",
      "contract.update",
      "contract.add_number",
      "invitation.create",
      "invitation.accept",
      "roster.add",
      "roster.update",
      "roster.reorder",
      "roster.remove",
      "wrong_number.add",
      "wrong_number.update",
      "wrong_number.remove",
      "call.open_manual",
      "call.claim",
      "report.create",
      "callback.done",
    ]) {
      expect(actions.has(action), action).toBe(true);
    }
    expect(trail.every((e) => e.contractId === contractId)).toBe(true);
  });

  it("sees missed calls and today's numbers", async () => {
    const rang = await insertCall(h.db, { contractId: contractId, fromNumber: "+819077776666", toNumber: "+81355550101", status: "ringing", source: "telephony", ringAt: h.now().toISOString() });
    await markMissed(h.db, rang.id, h.now().toISOString());
    expect((await sup.admin.oversight.missedCalls()).map((c) => c.id)).toContain(rang.id);

    const stats = await sup.admin.oversight.stats({});
    expect(stats.range.from).toBe("2026-11-23T15:00:00.000Z");
    expect(stats.reportsByContract.filter((r) => r.contractId === contractId)).toEqual([
      { contractId: contractId, outcome: "message", count: 3 },
      { contractId: contractId, outcome: "wrong_number", count: 1 },
    ]);
    // Of the leased mail, one was captured, one failed and was retried (pending again).
    expect(stats).toMatchObject({ reportsTotal: 4, contracts: 3, activeContracts: 3, openCallbacks: 0, missedCalls: 1, failedMail: 0, pendingMail: 1 });
  });

  it("disables a client user, whose session then stops working", async () => {
    const disabled = await sup.admin.staff.setDisabled({ id: clientUser.id, disabled: true });
    expect(disabled.disabledAt).toBe(h.now().toISOString());
    const stale = await h.callerAs(clientUser);
    await expectRefusal(stale.auth.me(), "UNAUTHORIZED", "UNAUTHENTICATED");
    await expectRefusal(sup.admin.staff.setDisabled({ id: h.supervisor.id, disabled: true }), "FORBIDDEN", "FORBIDDEN");
  });
});
