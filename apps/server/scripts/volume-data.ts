// Realistic Japanese reports in volume, for the search bench and `seed:volume`: the same
// sequence for the same seed, so a bench's "reports that should match" stays comparable.
// Frequencies are set so the bench has a common surname (田中), a rare one (鬼塚), numbers
// written in several ways, company names in hiragana, katakana and full-width letters.
import type { CallOutcome, RoutingReason } from "@uketsuke/domain";

/** mulberry32: small, fast and good enough to make test data; deterministic from its seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

/** Picks by weight; weights need not sum to 1. */
function weighted<T>(items: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let running = 0;
  const cumulative = items.map(([, weight]) => (running += weight) / total);
  return (rng) => {
    const r = rng();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return (items[lo] as readonly [T, number])[0];
  };
}

/** Surnames with a rough share of the population (per mille); 鬼塚 is the rare one. */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ["佐藤", 15], ["鈴木", 14], ["高橋", 11], ["田中", 10], ["伊藤", 9], ["渡辺", 9], ["山本", 9], ["中村", 8], ["小林", 8],
  ["加藤", 7], ["吉田", 7], ["山田", 7], ["佐々木", 6], ["山口", 5], ["松本", 5], ["井上", 5], ["木村", 5], ["斎藤", 4],
  ["清水", 4], ["山崎", 4], ["池田", 4], ["橋本", 4], ["阿部", 4], ["石川", 3], ["山下", 3], ["中島", 3], ["石井", 3],
  ["小川", 3], ["前田", 3], ["岡田", 3], ["長谷川", 3], ["藤田", 3], ["後藤", 3], ["近藤", 3], ["村上", 3], ["遠藤", 3],
  ["青木", 3], ["坂本", 3], ["福田", 2], ["太田", 2], ["西村", 2], ["藤井", 2], ["金子", 2], ["岡本", 2], ["藤原", 2],
  ["中野", 2], ["三浦", 2], ["原田", 2], ["中川", 2], ["松田", 2], ["竹内", 2], ["小野", 2], ["田村", 2], ["中山", 2],
  ["和田", 2], ["石田", 2], ["森田", 2], ["上田", 2], ["柴田", 2], ["酒井", 2], ["工藤", 2], ["横山", 2], ["宮崎", 2],
  ["宮本", 2], ["内田", 2], ["高木", 2], ["安藤", 2], ["島田", 2], ["谷口", 2], ["大野", 2], ["丸山", 2], ["今井", 2],
  ["河野", 2], ["武田", 2], ["上野", 2], ["杉山", 2], ["増田", 2], ["小山", 2], ["大塚", 2], ["平野", 2], ["菅原", 2],
  ["久保", 2], ["松井", 2], ["千葉", 2], ["岩崎", 2], ["桜井", 2], ["木下", 2], ["野口", 2], ["松尾", 2], ["菊地", 2],
  ["野村", 2], ["新井", 2], ["五十嵐", 1], ["小笠原", 1], ["佐久間", 1], ["長谷部", 1], ["東海林", 0.5], ["勅使河原", 0.1],
  ["鬼塚", 0.08],
];
const GIVEN_NAMES = ["太郎", "花子", "一郎", "美咲", "健太", "由美", "翔", "陽子", "大輔", "直樹", "恵", "裕子", "誠", "愛", "拓也", "真由美", "浩", "明美", "隆", "さくら"];
/** Some callers give the name as the operator heard it, in kana. */
const SURNAME_KANA: Record<string, string> = { 佐藤: "さとう", 鈴木: "すずき", 高橋: "たかはし", 田中: "たなか", 伊藤: "いとう", 渡辺: "わたなべ", 山本: "やまもと", 中村: "なかむら" };

const STEMS_KANJI = ["山田", "青木", "東京", "大阪", "日本", "中央", "北斗", "富士", "三和", "丸井", "東邦", "大和", "新日本", "関東", "九州", "東洋", "太平", "昭和", "平成", "光"];
const STEMS_KANA = ["サクラ", "ミライ", "アオバ", "ヒカリ", "ソレイユ", "グリーン", "テクノ", "ネクスト"];
const STEMS_HIRAGANA = ["さくら", "みらい", "あおば", "ひかり", "つばさ", "やまびこ"];
const STEMS_LATIN = ["ABC", "XYZ", "KSK", "JTEC", "NEO"];
const TRADES = ["建設", "商事", "工業", "物産", "不動産", "電機", "運輸", "設計", "企画", "食品", "印刷", "システム", "ソリューションズ", "ホールディングス", "物流", "製作所", "保険", "クリニック"];
const FORMS: ReadonlyArray<readonly [(name: string) => string, number]> = [
  [(n) => `株式会社${n}`, 45], [(n) => `${n}株式会社`, 20], [(n) => `(株)${n}`, 8], [(n) => `有限会社${n}`, 10],
  [(n) => `${n}合同会社`, 5], [(n) => n, 12],
];

/** Full-width letters, as an IME with 全角 on types them. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function companyNames(rng: Rng, count: number): string[] {
  const form = weighted(FORMS);
  const names = new Set<string>();
  while (names.size < count) {
    const r = rng();
    const stem =
      r < 0.55 ? pick(rng, STEMS_KANJI) : r < 0.75 ? pick(rng, STEMS_KANA) : r < 0.9 ? pick(rng, STEMS_HIRAGANA) : rng() < 0.6 ? fullWidth(pick(rng, STEMS_LATIN)) : pick(rng, STEMS_LATIN);
    names.add(form(rng)(`${stem}${pick(rng, TRADES)}`));
  }
  return [...names];
}

/** A Japanese number as E.164 (how callback numbers are stored) and in the forms people write. */
function phoneNumber(rng: Rng): string {
  const mobile = rng() < 0.4;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join("");
  return mobile ? `+81${pick(rng, ["70", "80", "90"])}${digits(8)}` : `+81${1 + Math.floor(rng() * 9)}${digits(8)}`;
}
function writtenNumber(rng: Rng, e164: string): string {
  const national = `0${e164.slice(3)}`;
  const dashed = `${national.slice(0, national.length - 8)}-${national.slice(-8, -4)}-${national.slice(-4)}`;
  return pick(rng, [national, dashed, dashed, fullWidth(dashed).replaceAll("－", "‐"), fullWidth(dashed), `+81 ${dashed.slice(1).replaceAll("-", " ")}`]);
}

const SUBJECTS = ["見積書", "請求書", "納期", "打ち合わせ", "契約更新", "お支払い", "新規のご依頼", "修理", "ご予約", "資料送付", "採用面接", "検査結果", "配送", "工事の日程", "ご注文", "キャンセル"];
const WHEN = ["本日", "明日", "明後日", "来週の月曜日", "今週中", "月末", "午前中", "午後", "15時以降", "夕方"];
const SENTENCES: ReadonlyArray<(f: Fill) => string> = [
  (f) => `${f.subject}の件でお電話がありました。`,
  (f) => `${f.when}までに折り返しお電話をいただきたいとのことです。`,
  (f) => `${f.subject}について確認したいことがあるそうです。`,
  (f) => `${f.person}様宛てのお電話でした。`,
  (f) => `番号は${f.number}です。`,
  (f) => `${f.company}の${f.surname}様からです。`,
  (f) => `${f.when}にまたお電話されるそうです。`,
  () => `急ぎではないとのことです。`,
  () => `至急ご連絡くださいとのことです。`,
  (f) => `${f.subject}の書類をメールでお送りいただけますかとのことでした。`,
  (f) => `先日の${f.subject}の件、ありがとうございましたとお伝えくださいとのことです。`,
  (f) => `担当の${f.surname}様が${f.when}伺いたいとのことです。`,
];
type Fill = { subject: string; when: string; person: string; number: string; company: string; surname: string };

export interface VolumeContract {
  legalEntityName: string;
  share: number;
  roster: Array<{ name: string; nameKana: string; reportAddress: string }>;
}

export interface VolumeReport {
  contractIndex: number;
  receivedAt: string;
  callerCompany: string | null;
  callerName: string | null;
  callbackNumber: string | null;
  requestedPerson: string | null;
  rosterIndex: number;
  routingReason: RoutingReason;
  message: string;
  callbackRequested: boolean;
  outcome: CallOutcome;
}

/** 20 contracts; the first holds 30 % of the reports, the rest share 70 % unevenly. */
export function volumeContracts(seed = 1, count = 20): VolumeContract[] {
  const rng = randomSource(seed * 7919);
  const weights = Array.from({ length: count - 1 }, (_, i) => 1 / Math.sqrt(i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const names = companyNames(rng, count);
  return names.map((name, i) => ({
    legalEntityName: name,
    share: i === 0 ? 0.3 : (0.7 * (weights[i - 1] as number)) / sum,
    roster: Array.from({ length: 5 + Math.floor(rng() * 10) }, (_, j) => {
      const surname = weighted(SURNAMES)(rng);
      return { name: `${surname} ${pick(rng, GIVEN_NAMES)}`, nameKana: SURNAME_KANA[surname] ?? "", reportAddress: `member${j + 1}@client${i + 1}.example.jp` };
    }),
  }));
}

/** The instant a call came in: weekdays in business hours mostly, over `years` before `end`. */
function receivedAt(rng: Rng, endMs: number, years: number): string {
  const span = years * 365 * 86_400_000;
  for (;;) {
    const at = endMs - Math.floor(rng() * span);
    const tokyo = new Date(at + 9 * 3_600_000);
    const day = tokyo.getUTCDay();
    const hour = tokyo.getUTCHours();
    if (day >= 1 && day <= 5 && hour >= 9 && hour < 18) return new Date(at).toISOString();
    if (rng() < 0.03) return new Date(at).toISOString();
  }
}

/** The reports, in no particular order of time (as with calls saved at different speeds). */
export function* volumeReports(total: number, contracts: VolumeContract[], seed = 1, end = "2026-11-25T09:00:00.000Z"): Generator<VolumeReport> {
  const rng = randomSource(seed);
  const surname = weighted(SURNAMES);
  const contract = weighted(contracts.map((c, i) => [i, c.share] as const));
  const companies = companyNames(rng, 3000);
  // Regular callers: a few companies and numbers call again and again.
  const company = weighted(companies.map((c, i) => [c, 1 / (i + 1)] as const));
  const regularNumbers = ["+81312345678", ...Array.from({ length: 40 }, () => phoneNumber(rng))];
  const outcome = weighted<CallOutcome>([["message", 85], ["other_company", 7], ["wrong_number", 5], ["test_call", 3]]);
  const endMs = Date.parse(end);
  for (let n = 0; n < total; n++) {
    const contractIndex = contract(rng);
    const roster = (contracts[contractIndex] as VolumeContract).roster;
    const number = rng() < 0.00025 ? (regularNumbers[0] as string) : rng() < 0.1 ? pick(rng, regularNumbers) : phoneNumber(rng);
    const callerSurname = surname(rng);
    const nameForm = rng();
    const callerName =
      nameForm < 0.5 ? callerSurname : nameForm < 0.8 ? `${callerSurname} ${pick(rng, GIVEN_NAMES)}` : nameForm < 0.9 ? (SURNAME_KANA[callerSurname] ?? callerSurname) : null;
    const callerCompany = rng() < 0.8 ? company(rng) : null;
    const named = rng() < 0.6;
    const rosterIndex = named ? Math.floor(rng() * roster.length) : 0;
    const member = roster[rosterIndex] as VolumeContract["roster"][number];
    const requestedPerson = named ? (rng() < 0.7 ? (member.name.split(" ")[0] as string) : member.name) : null;
    const fill: Fill = {
      subject: pick(rng, SUBJECTS),
      when: pick(rng, WHEN),
      person: requestedPerson ?? (member.name.split(" ")[0] as string),
      number: writtenNumber(rng, number),
      company: callerCompany ?? company(rng),
      surname: surname(rng),
    };
    let message = "";
    while (message.length < 20 || (message.length < 120 && rng() < 0.45)) {
      const next = pick(rng, SENTENCES)(fill);
      if (message.length + next.length > 120 && message.length >= 20) break;
      message += next;
    }
    yield {
      contractIndex,
      receivedAt: receivedAt(rng, endMs, 3),
      callerCompany,
      callerName,
      callbackNumber: rng() < 0.85 ? number : null,
      requestedPerson,
      rosterIndex,
      routingReason: named ? "named" : "not_named",
      message: message.slice(0, 120),
      callbackRequested: rng() < 0.35,
      outcome: outcome(rng),
    };
  }
}
