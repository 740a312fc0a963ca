// Report search over 1,000,000 reports (issue 11): the big contract (30 % of the reports), a fixed
// mix of queries each with and without a date range, through `listReports`, against the naive
// LIKE scan it replaced and against a plain FTS5 trigram table (the off-the-shelf ceiling); then
// the cost on writes, a CSV export of 300,000 reports through `streamReports`, and the sizes.
//
// The seeded database is cached under data/bench/ (git-ignored) and reused: seeding a million
// reports takes a quarter of an hour on two cores. PostgreSQL (embedded, its data cached the same
// way) is measured beside SQLite unless BENCH_SEARCH_PG=0.
//   pnpm bench search          BENCH_SEARCH_REPORTS=100000 BENCH_SEARCH_PG_REPORTS=… BENCH_SEARCH_PG=0
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { PerformanceObserver, constants } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { randomUUID } from "node:crypto";
import {
  countMatchingReports,
  createDb,
  insertAgency,
  insertAudit,
  insertContract,
  insertOutbox,
  insertReport,
  insertUser,
  listReports,
  migrateToLatest,
} from "@uketsuke/db";
import type { Db, DialectName, NewReportInput } from "@uketsuke/db";
import { startEmbeddedPostgres } from "@uketsuke/db/testing";
import { composeReport, searchFold } from "@uketsuke/domain";
import { seedWithProgress } from "../scripts/seed-volume.ts";
import { forkRunner } from "./child-runner.ts";
import { CSV_CHILD_FLAG, type CsvExportJob, type CsvExportResult } from "./csv-export.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The issue's fixed mix: common and rare surname, absent word, company fragment, one number typed three ways, kana and width. */
const MIX = [
  { q: "田中", what: "common surname" },
  { q: "鬼塚", what: "rare surname" },
  { q: "存在しない語", what: "absent" },
  { q: "大阪商事", what: "4-character company fragment" },
  { q: "03-1234-5678", what: "number, dashed" },
  { q: "0312345678", what: "number, digits" },
  { q: "０３－１２３４－５６７８", what: "number, full-width" },
  { q: "サクラ", what: "katakana against hiragana data" },
  { q: "XYZ", what: "half-width against full-width data" },
] as const;
/** How long the search mix runs untimed before it is measured (see searchMix). */
const WARM_MS = 10_000;
/** A month in the middle of the three years: a range in the past is the harder case for an index read from its newest end. */
const RANGE = { from: "2025-06-01T00:00:00+09:00", to: "2025-07-01T00:00:00+09:00" };

type Timing = { p50: number; p95: number; max: number };
const round2 = (n: number) => Math.round(n * 100) / 100;
function timing(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  return { p50: round2(at(0.5)), p95: round2(at(0.95)), max: round2(s.at(-1) ?? Number.NaN) };
}
/**
 * The garbage collections of this process, as Node reports them: a sample that overlaps one
 * waited for it, whatever the database did. Kept so the slowest samples can say so.
 */
const collections: Array<{ start: number; end: number; kind: string }> = [];
const gcKinds: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MINOR]: "scavenge", [constants.NODE_PERFORMANCE_GC_MAJOR]: "mark-compact", [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental", [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak" };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push({ start: e.startTime, end: e.startTime + e.duration, kind: gcKinds[(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? -1] ?? "gc" });
}).observe({ entryTypes: ["gc"] });

type Sample = { ms: number; start: number; end: number };
/** The pause (ms) collections took inside a sample's span, and of which kinds. */
function gcIn(s: Sample): { ms: number; kinds: string[] } {
  const hit = collections.filter((c) => c.end > s.start && c.start < s.end);
  return { ms: round2(hit.reduce((sum, c) => sum + Math.min(c.end, s.end) - Math.max(c.start, s.start), 0)), kinds: [...new Set(hit.map((c) => c.kind))] };
}
/** `repeat` timed runs of `fn`, after one untimed run unless `warm` is false. */
async function timedSamples(repeat: number, fn: () => Promise<unknown> | unknown, { warm = true } = {}): Promise<Sample[]> {
  if (warm) await fn();
  const samples: Sample[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    const end = performance.now();
    samples.push({ ms: end - start, start, end });
  }
  return samples;
}
async function timed(repeat: number, fn: () => Promise<unknown> | unknown, options: { warm?: boolean } = {}): Promise<number[]> {
  return (await timedSamples(repeat, fn, options)).map((s) => s.ms);
}

/** The cached SQLite database, seeded on first use. */
async function cachedSqlite(reports: number): Promise<string> {
  const file = here(`../data/bench/search-${reports}.sqlite`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    await seedWithProgress(partial, reports);
    const settle = new Database(partial);
    settle.pragma("wal_checkpoint(TRUNCATE)");
    settle.close();
    renameSync(partial, file);
  }
  return file;
}

/** An embedded PostgreSQL whose data is cached under data/bench/, holding the seeded database `search_bench`. */
export async function cachedPostgres(reports: number): Promise<{ url: string; stop(): Promise<void> }> {
  const server = await startEmbeddedPostgres({ keepIn: here(`../data/bench/pg-${reports}`) });
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  const url = new URL(server.url);
  if ((await admin("select 1 from pg_database where datname = 'search_bench'")).rowCount !== 1) {
    await admin("drop database if exists search_bench_partial");
    await admin("create database search_bench_partial");
    url.pathname = "/search_bench_partial";
    await seedWithProgress(url.href, reports);
    await admin("alter database search_bench_partial rename to search_bench");
  }
  url.pathname = "/search_bench";
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  await client.query("analyze");
  await client.end();
  return { url: url.href, stop: () => server.stop() };
}

/** The big contract: the one holding most reports. */
async function bigContract(db: Db): Promise<{ id: string; reports: number }> {
  const row = await db.db
    .selectFrom("reports")
    .select((eb) => ["contractId", eb.fn.countAll<number | string>().as("n")])
    .groupBy("contractId")
    .orderBy("n", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return { id: row.contractId, reports: Number(row.n) };
}

/** What search did before issue 11: five ORed LIKEs over the raw columns. */
function naiveLike(db: Db, contractId: string, q: string, range: typeof RANGE | null, count = false) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const columns = ["caller_company", "caller_name", "requested_person", "message", "callback_number"];
  const like = sql.join(columns.map((c) => sql`lower(${sql.ref(c)}) like lower(${pattern}) escape '\\'`), sql` or `);
  const dates = range ? sql`and received_at >= ${new Date(range.from).toISOString()} and received_at < ${new Date(range.to).toISOString()}` : sql``;
  const what = count ? sql`count(*) as n` : sql`id, received_at, caller_company, caller_name, message`;
  const tail = count ? sql`` : sql`order by received_at desc, id desc limit 51`;
  return sql<{ n?: number | string }>`select ${what} from reports where contract_id = ${contractId} ${dates} and (${like}) ${tail}`.execute(db.db);
}

/** The plain FTS5 trigram table over the same folded text (SQLite only), built once into the cache. */
function trigramTable(file: string): (contractId: string, q: string, range: typeof RANGE | null) => unknown[] {
  const raw = new Database(file);
  const exists = raw.prepare("select 1 from sqlite_schema where name = 'bench_trigram'").get();
  if (!exists) {
    process.stderr.write("  building the FTS5 trigram table for comparison (once)…\n");
    raw.exec("create virtual table bench_trigram using fts5(search_text, content = 'report_search', content_rowid = 'key', tokenize = 'trigram')");
    raw.exec("insert into bench_trigram (bench_trigram) values ('rebuild')");
  }
  return (contractId, q, range) => {
    const term = searchFold(q);
    const dates = range ? "and r.received_at >= ? and r.received_at < ?" : "";
    const args = range ? [new Date(range.from).toISOString(), new Date(range.to).toISOString()] : [];
    // Trigrams cannot hold a two-character term: FTS5 then reads every row (LIKE on the table).
    const where = Array.from(term).length >= 3 ? "bench_trigram match ?" : "bench_trigram.search_text like ?";
    const arg = Array.from(term).length >= 3 ? `"${term}"` : `%${term}%`;
    return raw
      .prepare(`select r.id from bench_trigram join report_search s on s.key = bench_trigram.rowid join reports r on r.id = s.report_id
        where ${where} and r.contract_id = ? ${dates} order by r.received_at desc, r.id desc limit 51`)
      .all(arg, contractId, ...args);
  };
}

async function searchMix(db: Db, contractId: string, repeat: number, trigram?: ReturnType<typeof trigramTable>, likeRepeat = 3) {
  const cases = MIX.flatMap((item) => [null, RANGE].map((range) => ({ item, range, filter: { q: item.q, ...(range ?? {}) } })));
  // A server searches all day, so the figures are a warm process's: passes over the mix, untimed,
  // for its first seconds. A fresh process's first queries also compile (up to 29 ms measured),
  // and for several seconds its scavenges copy what starting it allocated and still holds (up to
  // 30 ms after one pass, 8–11 ms after 3 s, at most 3.7 ms after 10 s, on PostgreSQL). The first
  // pass is kept apart as the cold figure: a restarted server's first searches.
  const cold: number[] = [];
  for (const c of cases) cold.push(...(await timed(1, () => listReports(db.db, contractId, { ...c.filter, limit: 50 }), { warm: false })));
  for (const until = performance.now() + WARM_MS; performance.now() < until; ) {
    for (const c of cases) await listReports(db.db, contractId, { ...c.filter, limit: 50 });
  }
  // The index first, every query; the baselines after, so their scans of gigabytes do not sit
  // between an index query's runs (they pushed its p50 from 2.3 to 4.5–6.9 ms).
  const indexedSamples: Sample[][] = [];
  for (const c of cases) indexedSamples.push(await timedSamples(repeat, () => listReports(db.db, contractId, { ...c.filter, limit: 50 })));
  const indexed = indexedSamples.map((samples) => samples.map((s) => s.ms));
  // The five slowest index samples, each with the collections that paused this process inside it.
  const slowest = indexedSamples
    .flatMap((samples, i) => samples.map((s) => ({ q: cases[i]!.item.q, range: cases[i]!.range !== null, ms: round2(s.ms), gc: gcIn(s) })))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  const rows = [];
  const all = { index: indexed.flat(), like: [] as number[], trigram: [] as number[] };
  for (const [i, { item, range, filter }] of cases.entries()) {
    const shouldMatch = await countMatchingReports(db.db, contractId, filter);
    const foundByLike = Number((await naiveLike(db, contractId, item.q, range, true)).rows[0]?.n ?? 0);
    const page = await listReports(db.db, contractId, { ...filter, limit: 50 });
    const like = await timed(likeRepeat, () => naiveLike(db, contractId, item.q, range));
    const tri = trigram ? await timed(likeRepeat, () => trigram(contractId, item.q, range)) : [];
    all.like.push(...like);
    all.trigram.push(...tri);
    rows.push({ q: item.q, what: item.what, range: range !== null, shouldMatch, foundByLike, page: page.reports.length, method: page.search?.method, index: timing(indexed[i]!), like: timing(like), trigram: tri.length ? timing(tri) : null });
  }
  return { rows, slowest, overall: { cold: timing(cold), index: timing(all.index), like: timing(all.like), trigram: all.trigram.length ? timing(all.trigram) : null } };
}

/**
 * The write cost: a save's transaction as saveMessage writes it (report, outbox row with the same
 * bodies, audit row), with the report through `insertReport` (report + search index) against the
 * same report as a bare insert. Interleaved rounds, one transaction per save, one connection.
 */
export async function writeCost(dir: string, rounds = 3, saves = 1500) {
  const file = path.join(dir, "write-cost.sqlite");
  rmSync(file, { force: true });
  const opened = createDb(file);
  await migrateToLatest(opened.db);
  const agency = await insertAgency(opened.db, { name: "受付", mailDomain: "uketsuke.example.jp" });
  const contract = await insertContract(opened.db, { agencyId: agency.id, legalEntityName: "株式会社みらい建設", answerName: "株式会社みらい建設", numbers: ["+81399990000"] });
  const operator = await insertUser(opened.db, { email: "op@uketsuke.example.jp", passwordHash: "-", displayName: "佐藤 美咲", role: "operator", mailbox: "op" });
  const mail = composeReport({
    reportId: "bench", agencyDomain: "uketsuke.example.jp", operator: { displayName: "佐藤 美咲", mailbox: "op" }, receivedAt: new Date(Date.UTC(2026, 0, 5, 1)),
    caller: { company: "株式会社さくら商事", name: "田中 太郎" }, callbackNumber: "+81312345678", requestedPerson: "山田",
    routing: { recipientName: "山田 花子", recipientAddress: "yamada@client.example", reason: "named" },
    message: "明日の打ち合わせの件でお電話がありました。折り返しお願いします。", callbackRequested: true, outcome: "message",
  });
  let n = 0;
  const report = (): NewReportInput & { id: string } => ({
    id: randomUUID(), contractId: contract.id, callId: null, operatorId: operator.id, receivedAt: new Date(Date.UTC(2026, 0, 1) + n++ * 1000).toISOString(),
    callerCompany: "株式会社さくら商事", callerName: "田中 太郎", callbackNumber: "+81312345678", requestedPerson: "山田",
    routedMemberId: null, routedName: "山田 花子", routedAddress: "yamada@client.example", routingReason: "named",
    message: "明日の打ち合わせの件でお電話がありました。折り返しお願いします。", callbackRequested: true, outcome: "message",
    wrongNumberEntryId: null, subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html, messageId: `<${randomUUID()}@uketsuke.example.jp>`,
  });
  const save = (indexed: boolean) => async () => {
    const r = report();
    await opened.db.transaction().execute(async (trx) => {
      if (indexed) await insertReport(trx, r);
      else await trx.insertInto("reports").values({ ...r, createdAt: new Date().toISOString(), callbackRequested: 1 }).execute();
      await insertOutbox(trx, { kind: "report", reportId: r.id, messageId: r.messageId, fromAddress: mail.from, toAddresses: [...mail.to], subject: mail.subject, bodyText: mail.text, bodyHtml: mail.html });
      await insertAudit(trx, { actorUserId: operator.id, actorRole: "operator", contractId: contract.id, action: "report.create", entity: "report", entityId: r.id, detail: { outcome: "message" } });
    });
  };
  // Wall time, and the process's CPU time: SQLite runs inside this process, so CPU time per
  // save is the same work measured without what other processes on the machine take.
  const rates = { withIndex: [] as number[], without: [] as number[] };
  const cpu = { withIndex: [] as number[], without: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of [["withIndex", save(true)], ["without", save(false)]] as const) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      for (let i = 0; i < saves; i++) await fn();
      const used = process.cpuUsage(startCpu);
      rates[name].push(saves / ((performance.now() - start) / 1000));
      cpu[name].push((used.user + used.system) / saves);
    }
  }
  await opened.close();
  rmSync(file, { force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const withIndex = Math.round(median(rates.withIndex));
  const without = Math.round(median(rates.without));
  const cpuWith = median(cpu.withIndex);
  const cpuWithout = median(cpu.without);
  return {
    savesPerSecondWithIndex: withIndex,
    savesPerSecondWithout: without,
    rounds: rates,
    dropPercent: round2((1 - withIndex / without) * 100),
    cpuMicrosecondsPerSave: { withIndex: Math.round(cpuWith), without: Math.round(cpuWithout) },
    cpuDropPercent: round2((1 - cpuWithout / cpuWith) * 100),
  };
}

function sqliteSizes(file: string) {
  const raw = new Database(file, { readonly: true });
  const tables = raw.prepare("select name, sum(pgsize) as bytes from dbstat group by name").all() as Array<{ name: string; bytes: number }>;
  const bodies = raw.prepare("select sum(length(cast(body_text as blob)) + length(cast(body_html as blob))) as bytes from reports").get() as { bytes: number };
  raw.close();
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const total = tables.reduce((s, t) => s + t.bytes, 0);
  const isIndex = (name: string) => name.startsWith("report_search") || name.includes("autoindex_report_search");
  const trigram = tables.filter((t) => t.name.startsWith("bench_trigram")).reduce((s, t) => s + t.bytes, 0);
  const index = tables.filter((t) => isIndex(t.name)).reduce((s, t) => s + t.bytes, 0);
  return { totalMb: mb(total - trigram), withoutIndexMb: mb(total - trigram - index), searchIndexMb: mb(index), trigramComparisonMb: mb(trigram), mailBodiesMb: mb(bodies.bytes), mailBodiesPercent: round2((bodies.bytes / (total - trigram)) * 100) };
}

async function postgresSizes(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const size = async (q: string) => Number((await client.query(q)).rows[0].n);
  const total = await size("select pg_database_size(current_database()) as n");
  const index = await size("select pg_total_relation_size('report_search') as n");
  const bodies = await size("select sum(pg_column_size(body_text) + pg_column_size(body_html)) as n from reports");
  await client.end();
  const mb = (n: number) => Math.round(n / 2 ** 20);
  return { totalMb: mb(total), withoutIndexMb: mb(total - index), searchIndexMb: mb(index), mailBodiesMb: mb(bodies), mailBodiesPercent: round2((bodies / total) * 100) };
}

async function measure(dialect: DialectName, url: string, repeat: number, file?: string) {
  const db = createDb(url);
  try {
    await migrateToLatest(db.db);
    const big = await bigContract(db);
    const trigram = file ? trigramTable(file) : undefined;
    const mix = await searchMix(db, big.id, repeat, trigram);
    const csv = await csvExport({ url, contractId: big.id, filter: {} });
    const csvSearch = await csvExport({ url, contractId: big.id, filter: { q: "株式会社" } });
    return { dialect, bigContract: big, mix, csv, csvSearch };
  } finally {
    await db.close();
  }
}

/**
 * The CSV export, measured in a fresh process each time: its peak RSS growth is then the
 * export's own, not what V8 lets a heap already grown by the rest of the bench swell to (in one
 * process the same export on PostgreSQL showed 14 MB once and 150 MB another time).
 */
async function csvExport(job: CsvExportJob): Promise<CsvExportResult> {
  const runner = forkRunner<CsvExportJob, CsvExportResult>(here("./csv-export.ts"), CSV_CHILD_FLAG, "csv export");
  try {
    return await runner.run(job);
  } finally {
    runner.stop();
  }
}

function print(result: Awaited<ReturnType<typeof measure>>) {
  const lines = [`  ${result.dialect}: big contract ${result.bigContract.reports} reports; ms, p50 / p95 (listReports ${"×"} repeats, LIKE and trigram × 3)`];
  lines.push(`  ${"query".padEnd(26)} ${"range".padEnd(5)} ${"match".padStart(7)} ${"LIKE".padStart(7)} ${"how".padEnd(5)} ${"index p50/p95".padStart(14)} ${"LIKE p50".padStart(9)} ${"trigram p50".padStart(11)}`);
  for (const r of result.mix.rows) {
    lines.push(`  ${r.q.padEnd(26 - (r.q.length - [...r.q].length))} ${(r.range ? "month" : "").padEnd(5)} ${String(r.shouldMatch).padStart(7)} ${String(r.foundByLike).padStart(7)} ${String(r.method).padEnd(5)} ${`${r.index.p50}/${r.index.p95}`.padStart(14)} ${String(r.like.p50).padStart(9)} ${String(r.trigram?.p50 ?? "-").padStart(11)}`);
  }
  const o = result.mix.overall;
  lines.push(`  overall: index p50 ${o.index.p50} p95 ${o.index.p95} max ${o.index.max} (the cold first pass: p50 ${o.cold.p50} max ${o.cold.max}); LIKE p50 ${o.like.p50} p95 ${o.like.p95}${o.trigram ? `; trigram p50 ${o.trigram.p50} p95 ${o.trigram.p95}` : ""}`);
  lines.push(`  slowest: ${result.mix.slowest.map((s) => `${s.q}${s.range ? " (month)" : ""} ${s.ms} ms${s.gc.ms ? ` (GC ${s.gc.ms} ms: ${s.gc.kinds.join(", ")})` : ""}`).join("; ")}`);
  lines.push(`  CSV export (streamReports): ${JSON.stringify(result.csv)}; with q=株式会社: ${JSON.stringify(result.csvSearch)}`);
  return lines.join("\n");
}

export async function runSearchBench() {
  const reports = Number(process.env.BENCH_SEARCH_REPORTS ?? 1_000_000);
  const repeat = Number(process.env.BENCH_SEARCH_REPEAT ?? 20);
  const withPostgres = process.env.BENCH_SEARCH_PG !== "0";
  const withSqlite = process.env.BENCH_SEARCH_SQLITE !== "0";
  const loadBefore = os.loadavg()[0] ?? 0;
  const file = withSqlite ? await cachedSqlite(reports) : "";
  const sqlite = withSqlite ? await measure("sqlite", file, repeat, file) : null;
  const sqliteSize = withSqlite ? sqliteSizes(file) : null;
  const writes = withSqlite ? await writeCost(here("../data/bench")) : null;
  let postgres: { result: Awaited<ReturnType<typeof measure>>; sizes: Awaited<ReturnType<typeof postgresSizes>> } | null = null;
  if (withPostgres) {
    const server = await cachedPostgres(Number(process.env.BENCH_SEARCH_PG_REPORTS ?? reports));
    try {
      postgres = { result: await measure("postgres", server.url, repeat), sizes: await postgresSizes(server.url) };
    } finally {
      await server.stop();
    }
  }
  const cpus = os.cpus();
  const report = {
    bench: "search",
    at: new Date().toISOString(),
    machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, node: process.version },
    loadAverage: { before: round2(loadBefore), after: round2(os.loadavg()[0] ?? 0) },
    reports,
    range: RANGE,
    sqlite: sqlite ? { ...sqlite, sizes: sqliteSize } : null,
    writes,
    postgres: postgres ? { ...postgres.result, sizes: postgres.sizes } : null,
    goals: { sqliteP95Ms: 5, postgresP95Ms: 10, maxMs: 20, writeDropPercent: 15, csvRssGrowthMb: 100 },
  };
  const lines = [
    "",
    `search — ${reports} reports, ${cpus.length} × ${cpus[0]?.model ?? "?"}, load average before ${report.loadAverage.before}, after ${report.loadAverage.after}`,
    ...(sqlite ? [print(sqlite), `  sizes: ${JSON.stringify(sqliteSize)}`, `  writes (a save's transaction, with and without the index): ${JSON.stringify(writes)}`] : []),
    ...(postgres ? [print(postgres.result), `  sizes: ${JSON.stringify(postgres.sizes)}`] : []),
    "",
  ];
  process.stdout.write(lines.join("\n"));
  const out = here(`../.bench-results/search${withSqlite ? "" : "-postgres"}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`  written to ${path.relative(process.cwd(), out)} (${Math.round(statSync(out).size / 1024)} KB)\n\n`);
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runSearchBench();
