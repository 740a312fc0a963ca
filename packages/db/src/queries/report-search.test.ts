import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { matchesSearch, searchTerms, searchText } from "@uketsuke/domain";
import type { CallbackStatus, CallOutcome } from "@uketsuke/domain";
import { forEachDialect, seedContract, seedReport, seedUser } from "../testing.ts";
import type { DialectContext } from "../testing.ts";
import { insertCallback, markCallbackDone } from "./callbacks.ts";
import { insertReports, countMatchingReports, listReports, streamReports } from "./reports.ts";
import type { NewReportInput, ReportFilter } from "./reports.ts";
import { compactSearchIndex, flushPendingSearch, ftsQuery, monthTags, reindexAllReports, SEARCH_PENDING_LIMIT, withSearch } from "./report-search.ts";
import { insertRosterMember } from "./roster.ts";

// Pieces that collide on purpose: the same word in another width, kana or number writing.
const COMPANIES = ["株式会社さくら", "サクラ商事", "ｻｸﾗ不動産", "ABC建設", "ＡＢＣ物流", "abc", "(株)山田", "田中工業", "鬼塚商店", ""];
const NAMES = ["田中", "たなか", "タナカ", "田中 太郎", "鬼塚", "佐藤", "山", "中", "𠮷田", ""];
const MESSAGES = ["折り返しお願いします。", "番号は03-1234-5678です。", "０３－１２３４－５６７８へ", "+81 3 1234 5678 まで", "見積書の件", "田中様宛て", "ＸＹＺの件", "至急", "山田 商事の件", "お電話ください"];
const NUMBERS = ["+81312345678", "+819011112222", "+81612345678", null];
const QUERIES = ["田中", "タナカ", "たなか", "さくら", "ｻｸﾗ", "abc", "ＡＢＣ", "03-1234-5678", "0312345678", "+81 3 1234 5678", "１２３４", "5678", "田", "中", "さ", "株式会社", "存在しない", "山田 商事", "田中 03", "xyz", "𠮷", "𠮷田", "折り返し", "お願い 至急", "「」"];
// Three months, and instants shared by several reports (ties inside one millisecond).
const INSTANTS = ["2025-12-31T23:59:59.999Z", "2026-01-15T01:00:00.000Z", "2026-01-15T01:00:00.000Z", "2026-01-15T01:00:00.001Z", "2026-02-01T00:00:00.000Z", "2026-02-10T05:30:00.000Z", "2026-02-10T05:30:00.000Z"];
const OUTCOMES: CallOutcome[] = ["message", "wrong_number", "test_call", "other_company"];

const generatedReport = fc.record({
  callerCompany: fc.constantFrom(...COMPANIES),
  callerName: fc.constantFrom(...NAMES),
  requestedPerson: fc.constantFrom(...NAMES),
  message: fc.array(fc.constantFrom(...MESSAGES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")),
  callbackNumber: fc.constantFrom(...NUMBERS),
  receivedAt: fc.constantFrom(...INSTANTS),
  outcome: fc.constantFrom(...OUTCOMES),
  urgent: fc.boolean(),
  member: fc.nat(1),
  callback: fc.constantFrom<CallbackStatus | null>("open", "done", null),
});
type Generated = typeof generatedReport extends fc.Arbitrary<infer T> ? T : never;

const generatedFilter = fc.record(
  {
    q: fc.array(fc.constantFrom(...QUERIES), { minLength: 1, maxLength: 2 }).map((words) => words.join(" ")),
    outcome: fc.constantFrom(...OUTCOMES),
    from: fc.constantFrom(...INSTANTS),
    to: fc.constantFrom(...INSTANTS),
    urgent: fc.boolean(),
    member: fc.nat(1),
    callback: fc.constantFrom<CallbackStatus>("open", "done"),
  },
  { requiredKeys: ["q"] },
);
type GeneratedFilter = typeof generatedFilter extends fc.Arbitrary<infer T> ? T : never;

interface Stored {
  id: string;
  receivedAt: string;
  text: string;
  outcome: CallOutcome;
  urgent: boolean;
  memberId: string;
  callback: CallbackStatus | null;
}

/**
 * Stores generated reports in a new contract: half through `insertReports`, then on SQLite
 * moved into FTS5, half one by one, which SQLite keeps pending: a search must find both.
 */
async function store(t: DialectContext, reports: Generated[]) {
  const contract = await seedContract(t.db);
  const operator = await seedUser(t.db);
  const members = [
    await insertRosterMember(t.db, contract.id, { name: "高橋 由美", reportAddress: "takahashi@client.example", addressKind: "person" }),
    await insertRosterMember(t.db, contract.id, { name: "鈴木 一郎", reportAddress: "suzuki@client.example", addressKind: "person" }),
  ];
  const inputs = reports.map((r): NewReportInput & { id: string } => ({
    id: randomUUID(),
    contractId: contract.id,
    operatorId: operator.id,
    receivedAt: r.receivedAt,
    callerCompany: r.callerCompany || null,
    callerName: r.callerName || null,
    callbackNumber: r.callbackNumber,
    requestedPerson: r.requestedPerson || null,
    routedMemberId: members[r.member]!.id,
    routedName: members[r.member]!.name,
    routedAddress: members[r.member]!.reportAddress,
    routingReason: "named",
    message: r.message,
    callbackRequested: r.urgent,
    outcome: r.outcome,
    subject: "【受電報告】",
    bodyText: "本文",
    bodyHtml: "<p>本文</p>",
    messageId: `<${randomUUID()}@uketsuke.example>`,
  }));
  const half = Math.floor(inputs.length / 2);
  await insertReports(t.db, inputs.slice(0, half));
  await flushPendingSearch(t.db);
  for (const input of inputs.slice(half)) await seedReport(t.db, contract.id, operator.id, input);
  const stored: Stored[] = [];
  for (const [i, r] of reports.entries()) {
    const input = inputs[i]!;
    if (r.callback) {
      const callback = await insertCallback(t.db, { reportId: input.id, contractId: contract.id, requestedAt: r.receivedAt });
      if (r.callback === "done") await markCallbackDone(t.db, contract.id, callback.id, operator.id, r.receivedAt);
    }
    stored.push({ id: input.id, receivedAt: r.receivedAt, text: searchText(input), outcome: r.outcome, urgent: r.urgent, memberId: input.routedMemberId!, callback: r.callback });
  }
  return { contract, members, stored };
}

/** The naive reference: fold every report's fields, keep those holding every term, newest first. */
function reference(stored: Stored[], filter: ReportFilter): string[] {
  const terms = searchTerms(filter.q ?? "");
  return stored
    .filter((r) => matchesSearch(r.text, terms))
    .filter((r) => !filter.outcome || r.outcome === filter.outcome)
    .filter((r) => !filter.from || r.receivedAt >= filter.from)
    .filter((r) => !filter.to || r.receivedAt < filter.to)
    .filter((r) => filter.urgent === undefined || r.urgent === filter.urgent)
    .filter((r) => !filter.person || r.memberId === filter.person)
    .filter((r) => !filter.callback || r.callback === filter.callback)
    .sort((a, b) => (a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1))
    .map((r) => r.id);
}

/** Every page, following the cursor, with a small page size so pages meet inside ties. */
async function allPages(t: DialectContext, contractId: string, filter: ReportFilter, scanLimit?: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const result = await listReports(t.db, contractId, { ...filter, cursor, limit: 3 }, { scanLimit });
    ids.push(...result.reports.map((r) => r.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end");
}

const asFilter = (f: GeneratedFilter, memberIds: string[]): ReportFilter => ({
  q: f.q,
  outcome: f.outcome,
  from: f.from,
  to: f.to,
  urgent: f.urgent,
  person: f.member === undefined ? undefined : memberIds[f.member],
  callback: f.callback,
});

forEachDialect("report search", (t) => {
  it("finds what a naive scan over the folded fields finds, in the same order, page after page", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generatedReport, { minLength: 1, maxLength: 24 }), fc.array(generatedFilter, { minLength: 1, maxLength: 4 }), async (reports, filters) => {
        const { contract, members, stored } = await store(t, reports);
        for (const generated of filters) {
          const filter = asFilter(generated, members.map((m) => m.id));
          const expected = reference(stored, filter);
          expect(await allPages(t, contract.id, filter)).toEqual(expected);
          // A bounded scan of 4 reports a page still reaches every match by following the cursor.
          expect(await allPages(t, contract.id, filter, 4)).toEqual(expected);
          expect(await countMatchingReports(t.db, contract.id, filter)).toBe(expected.length);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("says how it searched: through the index, or a bounded scan for one-character words", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    await seedReport(t.db, contract.id, operator.id, { callerName: "田中", callbackNumber: "+81312345678" });
    const index = await listReports(t.db, contract.id, { q: "たなか ０３－１２３４－５６７８" });
    expect(index.search).toEqual({ terms: ["タナカ", "0312345678"], method: "index", scanLimit: null });
    const scan = await listReports(t.db, contract.id, { q: "田" });
    expect(scan.search).toMatchObject({ terms: ["田"], method: "scan" });
    expect(scan.search?.scanLimit).toBeGreaterThan(0);
    expect(scan.reports).toHaveLength(1);
    expect((await listReports(t.db, contract.id, { q: "田 中" })).search?.method).toBe("scan");
    expect((await listReports(t.db, contract.id, { q: "田 中村" })).search?.method).toBe("index");
    expect((await listReports(t.db, contract.id)).search).toBeNull();
    expect((await listReports(t.db, contract.id, { q: " 「」 " })).search).toBeNull();
  });

  it("keeps a report that was never saved out of the index, and a saved one in it at once", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await seedReport(trx, contract.id, operator.id, { callerName: "幻野" });
        expect((await listReports(trx, contract.id, { q: "幻野" })).reports).toHaveLength(1);
        throw new Error("mail composer crashed");
      }),
    ).rejects.toThrow("mail composer crashed");
    expect((await listReports(t.db, contract.id, { q: "幻野" })).reports).toEqual([]);
    const searchRows = await withSearch(t.db).selectFrom("report_search").innerJoin("reports", "reports.id", "report_search.reportId").select("reports.id").where("reports.contractId", "=", contract.id).execute();
    expect(searchRows).toEqual([]);
  });

  it("keeps saves pending on SQLite until SEARCH_PENDING_LIMIT of them go into FTS5 together, findable all along", async () => {
    if (t.dialect !== "sqlite") return; // PostgreSQL's GIN index takes each save directly
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    await flushPendingSearch(t.db);
    const pending = async () => Number((await withSearch(t.db).selectFrom("report_search_pending").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const inFts = async () => Number((await sql<{ n: number }>`select count(*) as n from report_search_fts where report_search_fts match ${ftsQuery(contract.id, ["ハヤブサ"], monthTags("2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"))}`.execute(t.db)).rows[0]!.n);
    for (let i = 1; i < SEARCH_PENDING_LIMIT; i++) {
      await seedReport(t.db, contract.id, operator.id, { callerCompany: `はやぶさ運輸${i}`, receivedAt: new Date(Date.UTC(2026, 5, 1, 0, i)).toISOString() });
    }
    // Listed with their text only: no row in report_search yet, nothing in FTS5.
    const stored = async () => Number((await sql<{ n: number }>`select count(*) as n from report_search s join reports r on r.id = s.report_id where r.contract_id = ${contract.id}`.execute(t.db)).rows[0]!.n);
    expect(await pending()).toBe(SEARCH_PENDING_LIMIT - 1);
    expect(await stored()).toBe(0);
    expect(await inFts()).toBe(0);
    const page = await listReports(t.db, contract.id, { q: "ハヤブサ運輸", limit: 10 });
    expect(page.reports.map((r) => r.callerCompany)).toEqual(Array.from({ length: 10 }, (_, i) => `はやぶさ運輸${SEARCH_PENDING_LIMIT - 1 - i}`));
    expect(await countMatchingReports(t.db, contract.id, { q: "ハヤブサ" })).toBe(SEARCH_PENDING_LIMIT - 1);
    await seedReport(t.db, contract.id, operator.id, { callerCompany: "はやぶさ運輸", receivedAt: "2026-05-31T00:00:00.000Z" });
    expect(await pending()).toBe(0);
    expect(await stored()).toBe(SEARCH_PENDING_LIMIT);
    expect(await inFts()).toBe(SEARCH_PENDING_LIMIT);
    expect(await countMatchingReports(t.db, contract.id, { q: "ハヤブサ" })).toBe(SEARCH_PENDING_LIMIT);
    expect((await allPages(t, contract.id, { q: "ハヤブサ" })).length).toBe(SEARCH_PENDING_LIMIT);
  });

  it("merges the index's segments step by step without changing what a search finds", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    await compactSearchIndex(t.db);
    // Every SEARCH_PENDING_LIMIT-th save flushes the pending list into a new FTS5 segment.
    for (let i = 0; i < 3 * SEARCH_PENDING_LIMIT; i++) {
      await seedReport(t.db, contract.id, operator.id, { callerName: i % 3 ? "佐藤" : "鬼塚", receivedAt: new Date(Date.UTC(2026, i % 4, 1 + (i % 27), 0, i)).toISOString() });
    }
    const before = await allPages(t, contract.id, { q: "鬼塚" });
    expect(before.length).toBe(SEARCH_PENDING_LIMIT);
    const first = await compactSearchIndex(t.db, { pages: 1 });
    const again = await compactSearchIndex(t.db);
    if (t.dialect === "sqlite") {
      expect(first).toEqual({ steps: expect.any(Number), done: true });
      expect(first.steps).toBeGreaterThan(0);
    } else {
      expect(first).toEqual({ steps: 0, done: true }); // GIN has no segments
    }
    expect(again).toEqual({ steps: 0, done: true });
    expect(await allPages(t, contract.id, { q: "鬼塚" })).toEqual(before);
    expect(await countMatchingReports(t.db, contract.id, { q: "鬼塚" })).toBe(SEARCH_PENDING_LIMIT);
  });

  it("stops after maxSteps without claiming to be done; the next call finishes", async () => {
    if (t.dialect !== "sqlite") return;
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    for (let i = 0; i < 3 * SEARCH_PENDING_LIMIT; i++) await seedReport(t.db, contract.id, operator.id, { callerName: `田中${i}` });
    expect(await compactSearchIndex(t.db, { pages: 1, maxSteps: 1 })).toEqual({ steps: 1, done: false });
    expect((await compactSearchIndex(t.db)).done).toBe(true);
  });

  it("rebuilds the index for reports already stored (the migration's job)", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    const report = await seedReport(t.db, contract.id, operator.id, { callerCompany: "株式会社ひかり運輸" });
    await withSearch(t.db).deleteFrom("report_search").execute();
    if (t.dialect === "sqlite") await withSearch(t.db).deleteFrom("report_search_pending").execute();
    expect((await listReports(t.db, contract.id, { q: "ヒカリ運輸" })).reports).toEqual([]);
    expect(await t.db.transaction().execute((trx) => reindexAllReports(trx))).toBeGreaterThan(0);
    expect((await listReports(t.db, contract.id, { q: "ヒカリ運輸" })).reports.map((r) => r.id)).toEqual([report.id]);
  });

  it("streams every matching report, newest first, page by page", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      const report = await seedReport(t.db, contract.id, operator.id, { receivedAt: `2026-03-0${i + 1}T00:00:00.000Z`, callerName: i % 2 ? "田中" : "佐藤" });
      if (i % 2) made.unshift(report.id);
    }
    const streamed: string[] = [];
    for await (const report of streamReports(t.db, contract.id, { q: "田中" }, 2)) streamed.push(report.id);
    expect(streamed).toEqual(made);
  });
});
