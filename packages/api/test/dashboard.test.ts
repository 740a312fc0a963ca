// The client dashboard's API: routing changes are the owner's (audited, the owner mailed through
// the outbox), a report's timeline and its first opening, the filtered count, and the figures.
// Bad input and another contract's ids change nothing and reveal nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDueOutbox, markSent, listAudit } from "@uketsuke/db";
import { createHarness, expectFieldError, expectRefusal, type Caller, type Harness } from "./harness.ts";
import { saveOne } from "./samples.ts";

let h: Harness;
let owner: Caller;
let member: Caller;
let ownerB: Caller;

beforeAll(async () => {
  h = await createHarness();
  [owner, member, ownerB] = await Promise.all([h.callerAs(h.a.owner), h.callerAs(h.a.member), h.callerAs(h.b.owner)]);
});
afterAll(() => h.cleanup());

const notices = () => h.db.selectFrom("outbox").select(["toAddresses", "bodyText", "fromAddress", "subject"]).where("kind", "=", "notice").orderBy("createdAt").execute();

describe("where reports go is the owner's to change", () => {
  it("refuses a member every change of the roster, and changes nothing", async () => {
    const before = await h.counts();
    const roster = await member.roster.list();
    expect(roster.length).toBe(3);
    await expectRefusal(member.roster.add({ name: "attacker", reportAddress: "attacker@evil.example", addressKind: "person" }), "FORBIDDEN", "FORBIDDEN");
    await expectRefusal(member.roster.update({ ...roster[0]!, reportAddress: "attacker@evil.example", nameKana: undefined, department: undefined, listPolicy: undefined }), "FORBIDDEN", "FORBIDDEN");
    await expectRefusal(member.roster.reorder({ orderedIds: roster.map((m) => m.id).reverse() }), "FORBIDDEN", "FORBIDDEN");
    await expectRefusal(member.roster.remove({ id: roster[2]!.id }), "FORBIDDEN", "FORBIDDEN");
    expect(await h.counts()).toEqual(before);
    expect(await owner.roster.list()).toEqual(roster);
  });

  it("the owner adds an address: audited, and every owner is mailed a notice through the outbox", async () => {
    const added = await owner.roster.add({ name: "総務部", department: "総務部", reportAddress: "soumu@aoba.example.com", addressKind: "list", listPolicy: "open" });
    expect(added).toMatchObject({ department: "総務部", position: 4, listPolicy: "open" });
    const [notice] = await notices();
    expect(notice).toMatchObject({ toAddresses: JSON.stringify([h.a.owner.email]), fromAddress: "notice@agency.example.jp" });
    expect(notice!.bodyText).toContain("報告先が追加されました");
    expect(notice!.bodyText).toContain("soumu@aoba.example.com");
    const trail = await listAudit(h.db, { contractId: h.a.contract.id });
    expect(trail[0]).toMatchObject({ action: "roster.add", actorUserId: h.a.owner.id, detail: { reportAddress: "soumu@aoba.example.com" } });
  });

  it("mails on a new address or a new top person, not on a new name or an order below the top", async () => {
    const roster = await owner.roster.list();
    const count = async () => (await notices()).length;
    const before = await count();
    await owner.roster.update({ id: roster[1]!.id, name: "佐藤 花子（営業）", reportAddress: roster[1]!.reportAddress, addressKind: "person" });
    await owner.roster.reorder({ orderedIds: [roster[0]!.id, roster[2]!.id, roster[1]!.id, roster[3]!.id] });
    expect(await count()).toBe(before);
    await owner.roster.update({ id: roster[1]!.id, name: "佐藤 花子（営業）", reportAddress: "h.sato@aoba.example.com", addressKind: "person" });
    expect(await count()).toBe(before + 1);
    await owner.roster.reorder({ orderedIds: [roster[1]!.id, roster[0]!.id, roster[2]!.id, roster[3]!.id] });
    expect(await count()).toBe(before + 2);
    const last = (await notices()).at(-1)!;
    expect(last.bodyText).toContain("報告先の順番が変更されました");
    expect(last.bodyText).toContain("■名指しのないお電話の報告先（名簿1番目）\n佐藤 花子（営業） <h.sato@aoba.example.com>");
    await owner.roster.remove({ id: roster[3]!.id });
    expect(await count()).toBe(before + 3);
  });

  it("refuses bad input and R3 with the field and the rule, writing nothing", async () => {
    const before = await h.counts();
    await expectFieldError(owner.roster.add({ name: "", reportAddress: "x@aoba.example.com", addressKind: "person" }), "name", "FIELD_REQUIRED");
    await expectFieldError(owner.roster.add({ name: "x", department: "部".repeat(61), reportAddress: "x@aoba.example.com", addressKind: "person" }), "department", "FIELD_TOO_LONG");
    await expectRefusal(owner.roster.add({ name: "x", reportAddress: "sato@agency.example.jp", addressKind: "person" }), "UNPROCESSABLE_CONTENT", "R3_AGENCY_DOMAIN_ADDRESS");
    await expectRefusal(owner.roster.add({ name: "x", reportAddress: "ml@aoba.example.com", addressKind: "list", listPolicy: "members_only" }), "UNPROCESSABLE_CONTENT", "R3_MEMBERS_ONLY_LIST");
    expect(await h.counts()).toEqual(before);
  });

  it("another contract's owner cannot touch this roster", async () => {
    const before = await h.counts();
    const roster = await owner.roster.list();
    await expectRefusal(ownerB.roster.remove({ id: roster[0]!.id }), "NOT_FOUND");
    expect(await h.counts()).toEqual(before);
  });
});

describe("a report's timeline", () => {
  let reportId = "";
  let outboxId = "";

  beforeAll(async () => {
    ({ reportId, outboxId } = await saveOne(h, h.a.contract.id, h.operator, "見積書の件で折り返しをお願いします。"));
  });

  it("shows received and queued, then delivered once the outbox sent it", async () => {
    const first = await member.reports.get({ id: reportId });
    expect(first.timeline.map((s) => s.kind)).toEqual(["received", "queued"]);
    expect(first.mail).toMatchObject({ status: "pending" });
    expect(first.callback).toMatchObject({ status: "open", doneByName: null });
    const claimed = await claimDueOutbox(h.db, { nowIso: new Date(h.now().getTime() + 60_000).toISOString(), limit: 100, lockForMs: 60_000 });
    expect(claimed.map((m) => m.id)).toContain(outboxId);
    await markSent(h.db, outboxId, new Date(h.now().getTime() + 5_000).toISOString());
    const after = await member.reports.get({ id: reportId });
    expect(after.timeline.map((s) => s.kind)).toEqual(["received", "queued", "delivered"]);
  });

  it("records the first opening and by whom; later openings change nothing", async () => {
    expect(await member.reports.markOpened({ id: reportId })).toMatchObject({ first: true });
    h.setNow(new Date(h.now().getTime() + 60_000));
    expect(await owner.reports.markOpened({ id: reportId })).toMatchObject({ first: false });
    const report = await owner.reports.get({ id: reportId });
    const opened = report.timeline.find((s) => s.kind === "opened");
    expect(opened).toMatchObject({ by: h.a.member.displayName });
  });

  it("another contract sees not-found, and its opening attempt leaves no trace", async () => {
    const before = await h.counts();
    await expectRefusal(ownerB.reports.get({ id: reportId }), "NOT_FOUND", "NOT_FOUND");
    await expectRefusal(ownerB.reports.markOpened({ id: reportId }), "NOT_FOUND", "NOT_FOUND");
    expect(await h.counts()).toEqual(before);
  });

  it("shows who marked the callback done, and when", async () => {
    const report = await member.reports.get({ id: reportId });
    await member.callbacks.markDone({ id: report.callback!.id });
    const after = await member.reports.get({ id: reportId });
    expect(after.callback).toMatchObject({ status: "done", doneByName: h.a.member.displayName });
    expect(after.timeline.at(-1)).toMatchObject({ kind: "callback_done", by: h.a.member.displayName });
  });
});

describe("filters, counts and figures", () => {
  it("counts what a filter matches, for the caller's contract only", async () => {
    const all = await owner.reports.count({});
    const urgent = await owner.reports.count({ urgent: true });
    expect(all.count).toBeGreaterThanOrEqual(1);
    expect(urgent.count).toBeLessThanOrEqual(all.count);
    const listed = await owner.reports.list({ urgent: true, limit: 200 });
    expect(listed.reports).toHaveLength(urgent.count);
    expect(listed.reports.every((r) => r.callbackRequested && r.contractId === h.a.contract.id)).toBe(true);
    expect((await owner.reports.list({ callback: "done", limit: 200 })).reports.every((r) => r.callbackStatus === "done")).toBe(true);
  });

  it("refuses a malformed filter with the field at fault", async () => {
    await expectFieldError(owner.reports.list({ person: "not-an-id" }), "person", "FIELD_ID_INVALID");
    await expectFieldError(owner.reports.count({ callback: "maybe" as never }), "callback", "FIELD_CHOICE_INVALID");
    await expectFieldError(owner.figures.get({ period: "forever" as never }), "period", "FIELD_CHOICE_INVALID");
  });

  it("counts this Tokyo month and the figures by day, hour and outcome", async () => {
    const month = await owner.figures.thisMonth();
    // 24 November 2026, 10:00 in Tokyo: the month is November in Tokyo.
    expect(month).toMatchObject({ from: "2026-10-31T15:00:00.000Z", to: "2026-11-30T15:00:00.000Z" });
    expect(month.byOutcome.map((o) => o.outcome)).toEqual(["message", "wrong_number", "test_call", "other_company"]);
    expect(month.total).toBe(month.byOutcome.reduce((sum, o) => sum + o.count, 0));
    const figures = await owner.figures.get({ period: "thisMonth" });
    expect(figures.days).toHaveLength(30);
    expect(figures.hours).toHaveLength(24);
    expect(figures.total).toBe(month.total);
    const today = figures.days.find((d) => d.date === "2026-11-24");
    expect(today!.count).toBe(month.total);
    expect(figures.hours.find((x) => x.hour === 10)!.count).toBe(month.total);
    // B's figures do not count A's calls.
    const b = await ownerB.figures.get({ period: "thisMonth" });
    expect(b.total).toBe((await ownerB.reports.count({})).count);
  });
});

describe("the contract page's hours (R9)", () => {
  it("says open until 18:00 and the next opening; closed, when it opens", async () => {
    h.setNow("2026-11-24T01:00:00.000Z"); // Tuesday 10:00 in Tokyo
    expect(await member.contract.get()).toMatchObject({ open: true, closesAt: "2026-11-24T09:00:00.000Z", opensAt: null, nextOpening: "2026-11-25T00:00:00.000Z" });
    h.setNow("2026-11-28T03:00:00.000Z"); // Saturday noon
    expect(await member.contract.get()).toMatchObject({ open: false, closesAt: null, opensAt: "2026-11-30T00:00:00.000Z", nextOpening: "2026-11-30T00:00:00.000Z" });
  });
});
