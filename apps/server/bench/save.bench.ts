// Message saves per second through the real HTTP API, against a bare baseline.
//
// API: the real server (boot(), temp SQLite file, demo seed, clock fixed inside business hours),
// an operator signed in; each save is calls.saveMessage over HTTP on a call already opened and
// answered (the calls are opened before the timed run). Baseline: a bare Hono route on
// @hono/node-server doing the same inserts with raw better-sqlite3 prepared statements (report
// with a pre-composed body, outbox row, audit row) in one transaction, on its own temp file with
// the same migrated schema and the same pragmas. A second pair also opens each call in the loop
// (calls.openManual + calls.saveMessage against /open + /save). Both are hit by the same load
// generator (a child process, so the server keeps its own event loop), with the same number of
// saves in flight.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { Hono } from "hono";
import { serve, type ServerType } from "@hono/node-server";
import { claimCall, createDb, insertAgency, insertCall, insertContract, insertRosterMember, insertUser, migrateToLatest } from "@uketsuke/db";
import { composeReport } from "@uketsuke/domain";
import { boot } from "../src/boot.ts";
import { forkRunner, type ChildRunner } from "./child-runner.ts";
import { envSchema } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { CHILD_FLAG, MESSAGE, type Job, type JobResult, type Target } from "./load-client.ts";

/** Tuesday 24 November 2026, 10:00 in Tokyo. */
const IN_HOURS = new Date("2026-11-24T01:00:00.000Z");
const AGENCY_DOMAIN = "uketsuke.example.jp";

export type SaveBenchOptions = { saves?: number; warmup?: number; concurrency?: number; rounds?: number };

type Round = { savesPerSecond: number; elapsedMs: number; latenciesMs: number[] };
type Measured = {
  target: Target;
  /** Median over the rounds. */
  savesPerSecond: number;
  rounds: number[];
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function summarise(target: Target, rounds: Round[]): Measured {
  const rates = rounds.map((r) => r.savesPerSecond).sort((a, b) => a - b);
  const latencies = rounds.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  return {
    target,
    savesPerSecond: Math.round((rates[Math.floor(rates.length / 2)] ?? Number.NaN) * 10) / 10,
    rounds: rounds.map((r) => Math.round(r.savesPerSecond * 10) / 10),
    p50Ms: round2(percentile(latencies, 50)),
    p95Ms: round2(percentile(latencies, 95)),
    p99Ms: round2(percentile(latencies, 99)),
  };
}

/** The load generator: one child process, one job at a time. */
function startLoadClient(): ChildRunner<Job, JobResult> {
  return forkRunner<Job, JobResult>(fileURLToPath(new URL("./load-client.ts", import.meta.url)), CHILD_FLAG, "load client");
}

async function runOnce(load: ReturnType<typeof startLoadClient>, job: Job): Promise<Round> {
  const result = await load.run(job);
  if (result.errors > 0) throw new Error(`${job.target}: ${result.errors} saves failed, first: ${result.firstError}`);
  return { savesPerSecond: (result.saves / result.elapsedMs) * 1000, elapsedMs: result.elapsedMs, latenciesMs: result.latenciesMs };
}

/** The real server, an operator's session cookie and the contract the calls are for. */
async function startApi(dir: string) {
  const env = envSchema.parse({ PORT: "0", DATABASE_URL: path.join(dir, "api.sqlite"), SEED_DEMO: "true", LOG_LEVEL: "silent" });
  // The outbox worker stays off: delivering mail is not part of saving a message.
  // The clock moves a millisecond a reading, so calls opened in the timed loop answer at their
  // own instants too (and stay inside business hours for millions of readings).
  let readings = 0;
  const running = await boot(env, createLogger("silent"), { clock: () => new Date(IN_HOURS.getTime() + readings++), workers: false });
  const login = await fetch(`${running.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `sato@${AGENCY_DOMAIN}`, password: "uketsuke-demo" }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  if (!login.ok || !cookie) throw new Error(`operator sign-in failed: ${login.status}`);
  const operatorId = ((await login.json()) as { result: { data: { user: { id: string } } } }).result.data.user.id;
  const contracts = (await (await fetch(`${running.url}/trpc/calls.contracts`, { headers: { cookie } })).json()) as { result: { data: Array<{ id: string; answerName: string }> } };
  const contract = contracts.result.data.find((c) => c.answerName === "株式会社みらい建設");
  if (!contract) throw new Error("demo contract missing");
  const countReports = async () => Number((await running.db.db.selectFrom("reports").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  /** Calls rung and answered by this operator before the timed run, one per save. */
  const prepareCalls = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      // Each call answered at its own millisecond, as real calls are: the search index keys a
      // report by its millisecond and holds at most 1,024 reports in one (KEY_SLOTS).
      const at = new Date(IN_HOURS.getTime() - (n - i)).toISOString();
      const call = await insertCall(running.db.db, { contractId: contract.id, fromNumber: "+819012345678", toNumber: "+81312345678", status: "ringing", source: "manual", ringAt: at });
      await claimCall(running.db.db, call.id, operatorId, at);
      ids.push(call.id);
    }
    return ids;
  };
  return { url: running.url, cookie, contractId: contract.id, countReports, prepareCalls, close: () => running.close() };
}

/** The bare baseline: same schema, same inserts, no framework between HTTP and SQLite. */
async function startBaseline(dir: string) {
  const file = path.join(dir, "baseline.sqlite");
  const setup = createDb(file);
  await migrateToLatest(setup.db);
  const agency = await insertAgency(setup.db, { name: "受付 電話代行サービス", mailDomain: AGENCY_DOMAIN });
  const contract = await insertContract(setup.db, { agencyId: agency.id, legalEntityName: "株式会社みらい建設", answerName: "株式会社みらい建設", numbers: ["+81312345678"] });
  const operator = await insertUser(setup.db, { email: `sato@${AGENCY_DOMAIN}`, passwordHash: "-", displayName: "佐藤 美咲", role: "operator", mailbox: "sato" });
  const member = await insertRosterMember(setup.db, contract.id, { name: "高橋 由美", reportAddress: "takahashi@mirai-kensetsu.example.com", addressKind: "person" });
  await setup.close();

  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Composed once, outside the timed path.
  const mail = composeReport({
    reportId: "precomposed",
    agencyDomain: AGENCY_DOMAIN,
    operator: { displayName: operator.displayName, mailbox: "sato" },
    receivedAt: IN_HOURS,
    caller: { company: MESSAGE.callerCompany, name: MESSAGE.callerName },
    callbackNumber: "+81311112222",
    requestedPerson: MESSAGE.requestedPerson,
    routing: { recipientName: member.name, recipientAddress: member.reportAddress, reason: "named" },
    message: MESSAGE.message,
    callbackRequested: false,
    outcome: "message",
  });
  const insertCall = sqlite.prepare(
    `insert into calls (id, contract_id, external_id, from_number, to_number, direction, status, source, claimed_by, ring_at, answered_at, created_at)
     values (?, ?, null, ?, ?, 'inbound', 'answered', 'manual', ?, ?, ?, ?)`,
  );
  const insertReport = sqlite.prepare(
    `insert into reports (id, contract_id, call_id, operator_id, received_at, caller_company, caller_name, callback_number, requested_person,
       routed_member_id, routed_name, routed_address, routing_reason, message, callback_requested, outcome, wrong_number_entry_id,
       subject, body_text, body_html, message_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'named', ?, 0, 'message', null, ?, ?, ?, ?, ?)`,
  );
  const insertOutbox = sqlite.prepare(
    `insert into outbox (id, kind, report_id, callback_id, message_id, from_address, to_addresses, subject, body_text, body_html, status, attempts, next_attempt_at, created_at)
     values (?, 'report', ?, null, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );
  const insertAudit = sqlite.prepare(
    `insert into audit_log (id, at, actor_user_id, actor_role, contract_id, action, entity, entity_id, detail) values (?, ?, ?, 'operator', ?, ?, ?, ?, ?)`,
  );
  type Body = { contractId: string; callId?: string; from?: string; callerCompany: string; callerName: string; callbackNumber: string; requestedPerson: string; message: string };
  const now = IN_HOURS.toISOString();
  const openCall = (body: Body): string => {
    const id = randomUUID();
    insertCall.run(id, body.contractId, "+819012345678", "+81312345678", operator.id, now, now, now);
    return id;
  };
  const writeReport = (body: Body, callId: string): string => {
    const reportId = randomUUID();
    const messageId = `<report.${reportId}@${AGENCY_DOMAIN}>`;
    insertReport.run(reportId, body.contractId, callId, operator.id, now, body.callerCompany, body.callerName, "+81311112222", body.requestedPerson,
      member.id, member.name, member.reportAddress, body.message, mail.subject, mail.text, mail.html, messageId, now);
    insertOutbox.run(randomUUID(), reportId, messageId, mail.from, JSON.stringify(mail.to), mail.subject, mail.text, mail.html, now, now);
    insertAudit.run(randomUUID(), now, operator.id, body.contractId, "report.create", "report", reportId, JSON.stringify({ callId }));
    return reportId;
  };
  const saveReport = sqlite.transaction((body: Body & { callId: string }) => writeReport(body, body.callId));

  const app = new Hono();
  app.post("/open", async (c) => c.json({ id: openCall(await c.req.json<Body>()) }));
  app.post("/save", async (c) => {
    const body = await c.req.json<Body>();
    if (!body.callId) return c.json({ error: "callId required" }, 400);
    return c.json({ reportId: saveReport({ ...body, callId: body.callId }) });
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    contractId: contract.id,
    prepareCalls: async (n: number) => Array.from({ length: n }, () => openCall({ contractId: contract.id } as Body)),
    countReports: async () => (sqlite.prepare("select count(*) as n from reports").get() as { n: number }).n,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sqlite.close();
    },
  };
}

export async function runSaveBench(options: SaveBenchOptions = {}) {
  const saves = options.saves ?? Number(process.env.BENCH_SAVES ?? 2_000);
  const warmup = options.warmup ?? Number(process.env.BENCH_WARMUP ?? 300);
  const concurrency = options.concurrency ?? Number(process.env.BENCH_CONCURRENCY ?? 8);
  const roundCount = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), "uketsuke-bench-"));
  const load = startLoadClient();
  const loadBefore = os.loadavg()[0] ?? 0;
  let results: Measured[];
  try {
    const api = await startApi(dir);
    const baseline = await startBaseline(dir);
    try {
      const jobs: Record<Target, Omit<Job, "saves">> = {
        api: { target: "api", url: api.url, cookie: api.cookie, contractId: api.contractId, concurrency },
        baseline: { target: "baseline", url: baseline.url, cookie: "", contractId: baseline.contractId, concurrency },
        "api-open-save": { target: "api-open-save", url: api.url, cookie: api.cookie, contractId: api.contractId, concurrency },
        "baseline-open-save": { target: "baseline-open-save", url: baseline.url, cookie: "", contractId: baseline.contractId, concurrency },
      };
      const targets = Object.keys(jobs) as Target[];
      // Calls for the save-only targets are opened here, outside the timed run.
      const withCalls = async (target: Target, n: number): Promise<Job> => {
        const base = { ...jobs[target], saves: n };
        if (target === "api") return { ...base, callIds: await api.prepareCalls(n) };
        if (target === "baseline") return { ...base, callIds: await baseline.prepareCalls(n) };
        return base;
      };
      for (const target of targets) await runOnce(load, await withCalls(target, warmup));
      // Rounds interleave the targets, so a busy moment on the machine does not fall on one side only.
      const rounds = new Map<Target, Round[]>(targets.map((t) => [t, []]));
      for (let i = 0; i < roundCount; i++) {
        for (const target of targets) rounds.get(target)?.push(await runOnce(load, await withCalls(target, saves)));
      }
      results = targets.map((t) => summarise(t, rounds.get(t) ?? []));
      const expectedApi = 2 * (warmup + roundCount * saves);
      const expectedBaseline = expectedApi;
      const [storedApi, storedBaseline] = [await api.countReports(), await baseline.countReports()];
      if (storedApi !== expectedApi || storedBaseline !== expectedBaseline) {
        throw new Error(`stored ${storedApi} / ${storedBaseline} reports, expected ${expectedApi} / ${expectedBaseline}`);
      }
    } finally {
      await api.close();
      await baseline.close();
    }
  } finally {
    load.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const [api, baseline, apiOpenSave, baselineOpenSave] = results as [Measured, Measured, Measured, Measured];
  const ratio = api.savesPerSecond / baseline.savesPerSecond;
  const ratioTwo = apiOpenSave.savesPerSecond / baselineOpenSave.savesPerSecond;
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
  const report = {
    bench: "save",
    at: new Date().toISOString(),
    machine,
    config: { saves, warmup, concurrency, rounds: roundCount, loadGenerator: "child process, fetch (undici) keep-alive", outboxWorker: "off" },
    loadAverage: { before: round2(loadBefore), after: round2(os.loadavg()[0] ?? 0) },
    results,
    ratio: Math.round(ratio * 1000) / 10,
    ratioOpenAndSave: Math.round(ratioTwo * 1000) / 10,
    goalPercent: 50,
  };

  const label: Record<Target, string> = {
    api: "Uketsuke API: calls.saveMessage",
    baseline: "bare Hono + better-sqlite3: same inserts",
    "api-open-save": "Uketsuke API: openManual + saveMessage",
    "baseline-open-save": "bare Hono + better-sqlite3: /open + /save",
  };
  const lines = [
    "",
    `save — message saves per second over HTTP`,
    `  ${machine.cpu} × ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
    `  ${roundCount} rounds of ${saves} saves (after ${warmup} warm-up), ${concurrency} in flight, load generator in a child process`,
    `  load average before ${report.loadAverage.before}, after ${report.loadAverage.after} (other work on the machine skews the figures)`,
    "",
    ...results.map(
      (r) =>
        `  ${label[r.target].padEnd(42)} ${r.savesPerSecond.toFixed(1).padStart(8)} saves/s (median; rounds ${r.rounds.join(", ")})   p50 ${r.p50Ms.toFixed(2)} ms  p95 ${r.p95Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms`,
    ),
    "",
    `  API / baseline: ${report.ratio} % (goal ≥ ${report.goalPercent} %)${report.ratio >= report.goalPercent ? "" : "  ← below the goal"}`,
    `  open + save, API / baseline: ${report.ratioOpenAndSave} %`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
  const out = fileURLToPath(new URL("../.bench-results/save.json", import.meta.url));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`  written to ${path.relative(process.cwd(), out)}\n\n`);
  return report;
}

// Run directly: tsx bench/save.bench.ts
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runSaveBench();
