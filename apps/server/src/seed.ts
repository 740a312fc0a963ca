/**
 * First run: a demo agency a new user can sign in to at once — a supervisor, two operators,
 * two client contracts with rosters and wrong-number registries, and their owners.
 * Runs only into an empty database.
 */
import { createUser } from "@uketsuke/api";
import {
  insertContract,
  insertRosterMember,
  insertWrongNumber,
  inTransaction,
  type Agency,
  type Executor,
} from "@uketsuke/db";

export type DemoLogin = { role: string; email: string; password: string; note: string };

const PASSWORD = "uketsuke-demo";

/** The demo's sign-ins, so every start (not only the first) can remind a new user of them. */
export function demoLogins(domain: string): DemoLogin[] {
  return [
    { role: "supervisor", email: `kanri@${domain}`, password: PASSWORD, note: "スーパーバイザー / supervisor" },
    { role: "operator", email: `sato@${domain}`, password: PASSWORD, note: "オペレーター / operator" },
    { role: "operator", email: `suzuki@${domain}`, password: PASSWORD, note: "オペレーター / operator" },
    { role: "client", email: "owner@mirai-kensetsu.example.com", password: PASSWORD, note: "株式会社みらい建設 (owner)" },
    { role: "client", email: "owner@hikari-law.example.com", password: PASSWORD, note: "ひかり法律事務所 (owner)" },
  ];
}

export async function seedDemo(db: Executor, agency: Agency): Promise<DemoLogin[]> {
  const domain = agency.mail_domain;
  return inTransaction(db, async (trx) => {
    const logins: DemoLogin[] = [];
    const staff = async (email: string, displayName: string, mailbox: string, role: "operator" | "supervisor", note: string) => {
      await createUser(trx, { email, password: PASSWORD, displayName, mailbox, role, locale: "ja" });
      logins.push({ role, email, password: PASSWORD, note });
    };
    await staff(`kanri@${domain}`, "管理 花子", "kanri", "supervisor", "スーパーバイザー / supervisor");
    await staff(`sato@${domain}`, "佐藤 美咲", "sato", "operator", "オペレーター / operator");
    await staff(`suzuki@${domain}`, "鈴木 健太", "suzuki", "operator", "オペレーター / operator");

    const mirai = await insertContract(trx, {
      agency_id: agency.id,
      legal_entity_name: "株式会社みらい建設",
      answer_name: "株式会社みらい建設",
      script: "工事のご依頼・お見積りは担当者から折り返します。現場の緊急連絡は折り返し希望にチェックしてください。",
      numbers: ["+81312345678"],
    });
    for (const m of [
      { name: "山田 太郎", name_kana: "ヤマダ タロウ", report_address: "yamada@mirai-kensetsu.example.com" },
      { name: "高橋 由美", name_kana: "タカハシ ユミ", report_address: "takahashi@mirai-kensetsu.example.com" },
      { name: "営業部", name_kana: "エイギョウブ", report_address: "sales-ml@mirai-kensetsu.example.com", address_kind: "list" as const, list_policy: "open" as const },
    ]) {
      await insertRosterMember(trx, mirai.id, { address_kind: "person", ...m });
    }
    await insertWrongNumber(trx, mirai.id, {
      company_name: "株式会社未来建設",
      company_name_kana: "ミライケンセツ",
      numbers: ["+81312345679"],
      typical_calls: "マンションの管理に関するお問い合わせ（番号が1番違い）",
    });
    await createUser(trx, { email: "owner@mirai-kensetsu.example.com", password: PASSWORD, displayName: "山田 太郎", role: "client", contractId: mirai.id, clientRole: "owner", locale: "ja" });
    logins.push({ role: "client", email: "owner@mirai-kensetsu.example.com", password: PASSWORD, note: "株式会社みらい建設 (owner)" });

    const hikari = await insertContract(trx, {
      agency_id: agency.id,
      legal_entity_name: "ひかり法律事務所",
      answer_name: "ひかり法律事務所",
      script: "ご相談の予約は折り返し対応です。相手方からのお電話も、お名前とご用件をお伺いしてご報告します。",
      numbers: ["+81662223333"],
    });
    await insertRosterMember(trx, hikari.id, { name: "中村 光", name_kana: "ナカムラ ヒカル", report_address: "nakamura@hikari-law.example.com", address_kind: "person" });
    await insertRosterMember(trx, hikari.id, { name: "小林 誠", name_kana: "コバヤシ マコト", report_address: "kobayashi@hikari-law.example.com", address_kind: "person" });
    await insertWrongNumber(trx, hikari.id, {
      company_name: "ひかり歯科クリニック",
      company_name_kana: "ヒカリシカクリニック",
      numbers: ["+81662223334"],
      typical_calls: "診療予約のお電話",
    });
    await createUser(trx, { email: "owner@hikari-law.example.com", password: PASSWORD, displayName: "中村 光", role: "client", contractId: hikari.id, clientRole: "owner", locale: "ja" });
    logins.push({ role: "client", email: "owner@hikari-law.example.com", password: PASSWORD, note: "ひかり法律事務所 (owner)" });
    return logins;
  });
}
