/**
 * First run: a demo agency a new user can sign in to at once — a supervisor, two operators,
 * two client contracts with rosters and wrong-number registries, and their owners.
 * Runs only into an empty database.
 */
import { createUser, hashPassword } from "@uketsuke/api";
import {
  insertContract,
  insertRosterMember,
  insertWrongNumber,
  inTransaction,
  type Agency,
  type Executor,
  type NewRosterMemberInput,
  type NewWrongNumberEntryInput,
} from "@uketsuke/db";

export type DemoLogin = { role: string; email: string; password: string; note: string };

const PASSWORD = "uketsuke-demo";

const STAFF = [
  { mailbox: "kanri", displayName: "管理 花子", role: "supervisor", note: "スーパーバイザー / supervisor" },
  { mailbox: "sato", displayName: "佐藤 美咲", role: "operator", note: "オペレーター / operator" },
  { mailbox: "suzuki", displayName: "鈴木 健太", role: "operator", note: "オペレーター / operator" },
] as const;

type DemoContract = {
  name: string;
  script: string;
  number: string;
  owner: { email: string; displayName: string };
  roster: NewRosterMemberInput[];
  registry: NewWrongNumberEntryInput[];
};

const CONTRACTS: DemoContract[] = [
  {
    name: "株式会社みらい建設",
    script: "工事のご依頼・お見積りは担当者から折り返します。現場の緊急連絡は折り返し希望にチェックしてください。",
    number: "+81312345678",
    owner: { email: "owner@mirai-kensetsu.example.com", displayName: "山田 太郎" },
    roster: [
      { name: "山田 太郎", nameKana: "ヤマダ タロウ", reportAddress: "yamada@mirai-kensetsu.example.com", addressKind: "person" },
      { name: "高橋 由美", nameKana: "タカハシ ユミ", reportAddress: "takahashi@mirai-kensetsu.example.com", addressKind: "person" },
      { name: "営業部", nameKana: "エイギョウブ", reportAddress: "sales-ml@mirai-kensetsu.example.com", addressKind: "list", listPolicy: "open" },
    ],
    registry: [
      { companyName: "株式会社未来建設", companyNameKana: "ミライケンセツ", numbers: ["+81312345679"], typicalCalls: "マンションの管理に関するお問い合わせ（番号が1番違い）" },
    ],
  },
  {
    name: "ひかり法律事務所",
    script: "ご相談の予約は折り返し対応です。相手方からのお電話も、お名前とご用件をお伺いしてご報告します。",
    number: "+81662223333",
    owner: { email: "owner@hikari-law.example.com", displayName: "中村 光" },
    roster: [
      { name: "中村 光", nameKana: "ナカムラ ヒカル", reportAddress: "nakamura@hikari-law.example.com", addressKind: "person" },
      { name: "小林 誠", nameKana: "コバヤシ マコト", reportAddress: "kobayashi@hikari-law.example.com", addressKind: "person" },
    ],
    registry: [{ companyName: "ひかり歯科クリニック", companyNameKana: "ヒカリシカクリニック", numbers: ["+81662223334"], typicalCalls: "診療予約のお電話" }],
  },
];

/** The demo's sign-ins, so every start (not only the first) can remind a new user of them. */
export function demoLogins(domain: string): DemoLogin[] {
  return [
    ...STAFF.map((s) => ({ role: s.role, email: `${s.mailbox}@${domain}`, password: PASSWORD, note: s.note })),
    ...CONTRACTS.map((c) => ({ role: "client", email: c.owner.email, password: PASSWORD, note: `${c.name} (owner)` })),
  ];
}

export async function seedDemo(db: Executor, agency: Agency): Promise<DemoLogin[]> {
  const domain = agency.mailDomain;
  // One hash for every demo user: they share the demo password.
  const passwordHash = await hashPassword(PASSWORD);
  const user = { password: PASSWORD, passwordHash, locale: "ja" as const };
  await inTransaction(db, async (trx) => {
    for (const s of STAFF) {
      await createUser(trx, { ...user, email: `${s.mailbox}@${domain}`, displayName: s.displayName, mailbox: s.mailbox, role: s.role });
    }
    for (const c of CONTRACTS) {
      const contract = await insertContract(trx, { agencyId: agency.id, legalEntityName: c.name, answerName: c.name, script: c.script, numbers: [c.number] });
      for (const member of c.roster) await insertRosterMember(trx, contract.id, member);
      for (const entry of c.registry) await insertWrongNumber(trx, contract.id, entry);
      await createUser(trx, { ...user, ...c.owner, role: "client", contractId: contract.id, clientRole: "owner" });
    }
  });
  return demoLogins(domain);
}
