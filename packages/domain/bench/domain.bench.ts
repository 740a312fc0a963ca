/**
 * How fast the console's two look-ups are while an operator is on the call: the wrong-number
 * registry (R6) and the roster (R7). Plain Node timing, one sample per call, against a baseline
 * measured in the same run: Array.prototype.includes over 1,000 short strings.
 *
 *   pnpm bench            (tsx bench/domain.bench.ts)
 *
 * Results go to stdout as a table and to .bench-results/domain.json (git-ignored).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import {
  compileRegistry,
  compileRoster,
  matchWrongNumber,
  normaliseCompanyName,
  routeCall,
  type Heard,
  type RosterMember,
  type WrongNumberEntry,
} from "../src/index.ts";

// ── Deterministic data ─────────────────────────────────────────────────────────────────────────

/** A seeded generator (pure-rand's xoroshiro128+): the same data on every run, so runs compare. */
const rng = xoroshiro128plus(20261125);
const random = () => uniformFloat64(rng);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10))).join("");

const STEMS = [
  ["山田", "やまだ"], ["東京", "とうきょう"], ["大阪", "おおさか"], ["中央", "ちゅうおう"], ["日本", "にほん"], ["富士", "ふじ"],
  ["青葉", "あおば"], ["桜", "さくら"], ["北斗", "ほくと"], ["昭和", "しょうわ"], ["大和", "やまと"], ["丸山", "まるやま"],
  ["松本", "まつもと"], ["高橋", "たかはし"], ["新光", "しんこう"], ["協和", "きょうわ"], ["三共", "さんきょう"], ["旭", "あさひ"],
  ["ABC", "えーびーしー"], ["みらい", "みらい"], ["グリーン", "ぐりーん"], ["サンライズ", "さんらいず"],
] as const;
const MIDDLES = [["", ""], ["第一", "だいいち"], ["総合", "そうごう"], ["中部", "ちゅうぶ"], ["西日本", "にしにほん"], ["東邦", "とうほう"]] as const;
const TRADES = [
  ["商事", "しょうじ"], ["物産", "ぶっさん"], ["建設", "けんせつ"], ["工業", "こうぎょう"], ["電機", "でんき"], ["運輸", "うんゆ"],
  ["不動産", "ふどうさん"], ["ホールディングス", "ほーるでぃんぐす"], ["システムズ", "しすてむず"], ["トレーディング", "とれーでぃんぐ"],
  ["印刷", "いんさつ"], ["食品", "しょくひん"],
] as const;
const FORMS = [
  (n: string) => `株式会社${n}`, (n: string) => `${n}株式会社`, (n: string) => `(株)${n}`, (n: string) => `${n}㈱`,
  (n: string) => `有限会社${n}`, (n: string) => `合同会社${n}`, (n: string) => `${n}`,
];
const AREAS = ["3", "6", "45", "52", "90", "80", "70"];

function phoneWriting(): { written: string; national: string } {
  const area = pick(AREAS);
  const subscriber = digits(area.length === 1 ? 8 : area.length === 2 && area.endsWith("0") ? 8 : 7);
  const national = `0${area}${subscriber}`;
  const split = national.length - 4;
  const written = pick([
    national,
    `${national.slice(0, area.length + 1)}-${national.slice(area.length + 1, split)}-${national.slice(split)}`,
    `+81 ${area} ${national.slice(area.length + 1, split)} ${national.slice(split)}`,
  ]);
  return { written, national };
}

const registry: WrongNumberEntry[] = [];
const plainNames: string[] = [];
const numbers: string[] = [];
{
  const seen = new Set<string>();
  while (registry.length < 1000) {
    const [stem, stemKana] = pick(STEMS);
    const [middle, middleKana] = pick(MIDDLES);
    const [trade, tradeKana] = pick(TRADES);
    const plain = `${stem}${middle}${trade}`;
    if (seen.has(plain)) {
      // Same name again: a different branch, as registries really hold.
      const branch = `${plain}${registry.length}`;
      if (seen.has(branch)) continue;
      seen.add(branch);
    } else seen.add(plain);
    const form = pick(FORMS);
    const entryNumbers = Array.from({ length: 1 + Math.floor(random() * 3) }, () => phoneWriting());
    for (const n of entryNumbers) numbers.push(n.national);
    plainNames.push(plain);
    registry.push({
      id: `w${registry.length}`,
      companyName: form(plain),
      companyNameKana: `${stemKana}${middleKana}${tradeKana}`,
      numbers: entryNumbers.map((n) => n.written),
      typicalCalls: "配送の問い合わせ",
    });
  }
}

const UTTERANCES: Heard[] = [];
for (let i = 0; i < 400; i++) {
  const name = pick(plainNames);
  UTTERANCES.push(
    pick<Heard>([
      { company: `(株)${name}さんですか` }, // hit, exact after normalising
      { company: `${name}様でしょうか？` },
      { company: `${name}の配送の件でお電話しました` }, // hit inside a sentence
      { company: "株式会社つばさ精機さんですか" }, // miss
      { company: "さくら歯科クリニックですか" }, // miss
      { company: `${pick(numbers)}の方ですか` }, // number inside a sentence
      { number: pick(numbers) }, // number field
      { company: "ｴｰﾋﾞｰｼｰ商事さん", number: "090-0000-0000" }, // half-width, with a foreign number
    ]),
  );
}

const FAMILY = [
  ["佐藤", "さとう"], ["鈴木", "すずき"], ["高橋", "たかはし"], ["田中", "たなか"], ["伊藤", "いとう"], ["渡辺", "わたなべ"],
  ["山本", "やまもと"], ["中村", "なかむら"], ["小林", "こばやし"], ["加藤", "かとう"], ["吉田", "よしだ"], ["山田", "やまだ"],
  ["佐々木", "ささき"], ["山口", "やまぐち"], ["松本", "まつもと"], ["井上", "いのうえ"], ["木村", "きむら"], ["林", "はやし"],
  ["斎藤", "さいとう"], ["清水", "しみず"],
] as const;
const GIVEN = [
  ["太郎", "たろう"], ["花子", "はなこ"], ["一郎", "いちろう"], ["美咲", "みさき"], ["健", "けん"], ["直樹", "なおき"],
  ["陽子", "ようこ"], ["大輔", "だいすけ"], ["裕子", "ゆうこ"], ["翔", "しょう"], ["恵", "めぐみ"], ["誠", "まこと"],
  ["真由美", "まゆみ"], ["拓也", "たくや"], ["彩", "あや"], ["隆", "たかし"], ["由美", "ゆみ"], ["浩二", "こうじ"],
  ["さくら", "さくら"], ["蓮", "れん"],
] as const;

type Member = RosterMember & { readonly address: string };
const roster: Member[] = [];
{
  const seen = new Set<string>();
  const positions = Array.from({ length: 100 }, (_, i) => i + 1).sort(() => random() - 0.5);
  while (roster.length < 100) {
    const [family, familyKana] = pick(FAMILY);
    const [given, givenKana] = pick(GIVEN);
    if (seen.has(family + given)) continue;
    seen.add(family + given);
    roster.push({
      id: `m${roster.length}`,
      position: positions[roster.length]!,
      name: `${family} ${given}`,
      nameKana: `${familyKana} ${givenKana}`,
      address: `m${roster.length}@client.example.jp`,
    });
  }
}
const REQUESTS: Array<string | undefined> = [];
for (let i = 0; i < 400; i++) {
  const m = pick(roster);
  const [family, given] = m.name.split(" ") as [string, string];
  const [familyKana] = (m.nameKana ?? "").split(" ") as [string];
  REQUESTS.push(
    pick([
      m.name,
      `${family}さん`,
      `${familyKana}さま`,
      `${given}さんいらっしゃいますか`,
      `営業の${family}${given}様をお願いします`,
      "担当の方",
      "西村さん", // not on the roster
      undefined, // named no one
    ]),
  );
}

const normalisedNames = plainNames.map(normaliseCompanyName);
const PROBES = UTTERANCES.map((u, i) => (i % 2 === 0 ? normalisedNames[i % normalisedNames.length]! : normaliseCompanyName(u.company ?? "x")));

// ── Timing ─────────────────────────────────────────────────────────────────────────────────────

type Stats = { name: string; iterations: number; medianUs: number; p99Us: number; meanUs: number };

let sink = 0;

function measure(name: string, iterations: number, warmup: number, fn: (i: number) => unknown): Stats {
  for (let i = 0; i < warmup; i++) consume(fn(i));
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    const result = fn(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
    consume(result);
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { name, iterations, medianUs: at(0.5), p99Us: at(0.99), meanUs: mean };
}

/** Keep every result alive, so that no call can be optimised away. */
function consume(result: unknown) {
  if (typeof result === "boolean") sink += result ? 1 : 0;
  else if (result && typeof result === "object") sink += "kind" in result ? (result.kind as string).length : 1;
  else sink += 1;
}

const compiledRegistry = compileRegistry(registry);
const compiledRoster = compileRoster(roster);

const results = {
  a: measure("(a) matchWrongNumber, compiled registry of 1,000", 40_000, 4_000, (i) => matchWrongNumber(compiledRegistry, UTTERANCES[i % UTTERANCES.length]!)),
  b: measure("(b) matchWrongNumber, raw registry (compiles per call)", 150, 15, (i) => matchWrongNumber(registry, UTTERANCES[i % UTTERANCES.length]!)),
  c: measure("(c) routeCall, compiled roster of 100", 40_000, 4_000, (i) => routeCall(compiledRoster, REQUESTS[i % REQUESTS.length])),
  d: measure("(d) routeCall, raw roster (compiles per call)", 2_000, 200, (i) => routeCall(roster, REQUESTS[i % REQUESTS.length])),
  e: measure("(e) baseline: Array.includes over 1,000 strings", 40_000, 4_000, (i) => normalisedNames.includes(PROBES[i % PROBES.length]!)),
};

const ratios = {
  registryVsBaseline: results.a.medianUs / results.e.medianUs,
  rosterVsBaseline: results.c.medianUs / results.e.medianUs,
  rawRegistryVsCompiled: results.b.medianUs / results.a.medianUs,
  rawRosterVsCompiled: results.d.medianUs / results.c.medianUs,
};

const cpu = cpus();
const machine = {
  cpu: cpu[0]?.model ?? "unknown",
  cores: cpu.length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};

const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
console.log(`\n@uketsuke/domain bench — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node} (${machine.platform})`);
console.log(`registry: ${registry.length} entries (${registry.reduce((n, e) => n + e.numbers.length, 0)} numbers), roster: ${roster.length} members, ${UTTERANCES.length} utterances, ${REQUESTS.length} requests\n`);
const rows = Object.values(results).map((r) => [r.name, String(r.iterations), fmt(r.medianUs), fmt(r.p99Us), fmt(r.meanUs)]);
const header = ["case", "iterations", "median", "p99", "mean"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
console.log(`\n(a) / (e) median: ${ratios.registryVsBaseline.toFixed(1)}×   (c) / (e) median: ${ratios.rosterVsBaseline.toFixed(1)}×`);
console.log(`(b) / (a) median: ${ratios.rawRegistryVsCompiled.toFixed(0)}×   (d) / (c) median: ${ratios.rawRosterVsCompiled.toFixed(0)}×   (checksum ${sink})\n`);

const out = join(dirname(fileURLToPath(import.meta.url)), "..", ".bench-results", "domain.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ machine, results, ratios, unit: "microseconds per call" }, null, 2)}\n`);
console.log(`written ${out}`);
