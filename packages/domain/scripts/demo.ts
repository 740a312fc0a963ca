// A look at the domain package without a server: today's business hours and a composed report.
import {
  answerPhrase,
  businessStatus,
  composeReport,
  formatJst,
  matchWrongNumber,
  routeCall,
} from "../src/index.ts";

const now = new Date();
const status = businessStatus(now);
console.log(`いま (${formatJst(now).ja}) は${status.open ? `営業時間内です（${formatJst(status.closesAt).ja} まで）` : `営業時間外です。次の受付開始: ${formatJst(status.opensAt).ja}`}`);

const roster = [
  { id: "m1", position: 1, name: "佐藤 花子", nameKana: "さとう はなこ", address: "sato@client.example.jp" },
  { id: "m2", position: 2, name: "山田 太郎", nameKana: "やまだ たろう", address: "yamada@client.example.jp" },
];
const registry = [{ id: "w1", companyName: "株式会社ABCトレーディング", numbers: ["03-1111-2222"], typicalCalls: "配送の問い合わせ" }];

console.log(answerPhrase("株式会社サンプル商事").ja);
const heard = "ＡＢＣトレーディングさんですか？";
console.log(`「${heard}」→ 間違い電話登録との照合:`, JSON.stringify(matchWrongNumber(registry, { company: heard }).kind));
const routing = routeCall(roster, "やまださん");
const mail = composeReport({
  reportId: "0195f0c2-7d3a-7000-8000-000000000001",
  agencyDomain: "uketsuke.example.jp",
  operator: { displayName: "鈴木", mailbox: "suzuki" },
  receivedAt: now,
  caller: { company: "株式会社みらい建設", name: "高橋" },
  callbackNumber: "0312345678",
  requestedPerson: "やまださん",
  routing: { recipientName: routing.recipient.name, recipientAddress: routing.recipient.address, reason: routing.reason },
  message: "見積書の件でお電話いただきました。本日中に折り返しをお願いします。",
  callbackRequested: true,
  outcome: "message",
});
console.log(`\nFrom: ${mail.from}\nTo: ${mail.to.join(", ")}\nSubject: ${mail.subject}\nMessage-ID: ${mail.messageId}\n\n${mail.text}`);
