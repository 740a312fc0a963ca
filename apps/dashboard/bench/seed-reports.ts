// Fills one contract with reports, fast: the db package's own insert functions, one transaction,
// spread over the past year (newest now), a few with open callbacks.
import { findUserByEmail, insertCallback, insertReport, inTransaction, listRoster, type Executor } from "@uketsuke/db";
import { LOGINS } from "@uketsuke/server/testing";

const COMPANIES = ["株式会社みどり商会", "有限会社さくら設計", "東西物流株式会社", "株式会社テスト工務店", "山本法律事務所", ""];
const NAMES = ["木村", "佐々木", "近藤", "田中", "中島", "小川"];

export async function seedReports(db: Executor, options: { email: string; reports: number; openCallbacks: number; now: Date }) {
  const started = performance.now();
  const owner = await findUserByEmail(db, options.email);
  const operator = await findUserByEmail(db, LOGINS.operator);
  if (!owner?.contractId || !operator) throw new Error("demo users missing");
  const contractId = owner.contractId;
  const [top] = await listRoster(db, contractId);
  if (!top) throw new Error("demo roster missing");
  const spanMs = 365 * 86_400_000;
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < options.reports; i++) {
      // i = 0 is the newest.
      const receivedAt = new Date(options.now.getTime() - 60_000 - Math.floor((i / options.reports) * spanMs)).toISOString();
      const waiting = i < options.openCallbacks;
      const report = await insertReport(trx, {
        contractId,
        callId: null,
        operatorId: operator.id,
        receivedAt,
        callerCompany: COMPANIES[i % COMPANIES.length] || null,
        callerName: NAMES[i % NAMES.length] ?? null,
        callbackNumber: "+81355551234",
        requestedPerson: null,
        routedMemberId: top.id,
        routedName: top.name,
        routedAddress: top.reportAddress,
        routingReason: "not_named",
        message: `ベンチマーク用のご伝言 ${i}。見積もりの件でお電話がありました。`,
        callbackRequested: waiting,
        outcome: i % 17 === 0 ? "wrong_number" : "message",
        wrongNumberEntryId: null,
        subject: "【受電報告】",
        bodyText: "",
        bodyHtml: "",
        messageId: `<bench.${i}@uketsuke.example.jp>`,
      });
      if (waiting) await insertCallback(trx, { reportId: report.id, contractId, requestedAt: receivedAt });
    }
  });
  return { reports: options.reports, seconds: +((performance.now() - started) / 1000).toFixed(1) };
}
