// Outbox delivery rate: mails per second from 'pending' to 'sent' through the real OutboxWorker
// and the real smtpDeliverer (nodemailer, pooled SMTP) into a local smtp-server that accepts
// everything. The rows are real report mails composed by the domain (Japanese subject and body),
// in a migrated temp SQLite file. The SMTP server runs in a child process, as a mail server would
// be on its own; each configuration (pool size × batch size) gets a fresh database.
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, queueMail, inTransaction, migrateToLatest } from "@uketsuke/db";
import { composeReport } from "@uketsuke/domain";
import { smtpDeliverer } from "../src/mail/deliverer.ts";
import { OutboxWorker } from "../src/mail/outbox-worker.ts";
import { createLogger } from "../src/logger.ts";
import { startSmtpSink } from "../test/support/smtp-sink.ts";

const CHILD_FLAG = "--outbox-smtp-sink";
const AGENCY_DOMAIN = "uketsuke.example.jp";

export type OutboxBenchOptions = { mails?: number; configs?: Array<{ maxConnections: number; batchSize: number }> };

type SinkMessage = { type: "ready"; port: number } | { type: "count"; accepted: number };

// ————— the child: the mail server —————

if (process.argv.includes(CHILD_FLAG)) {
  const sink = await startSmtpSink({ countOnly: true });
  process.send?.({ type: "ready", port: sink.port } satisfies SinkMessage);
  process.on("message", (message: { type: "count" }) => {
    if (message.type === "count") process.send?.({ type: "count", accepted: sink.accepted() } satisfies SinkMessage);
  });
}

function startSinkProcess(): Promise<{ url: string; accepted(): Promise<number>; stop(): void }> {
  const file = fileURLToPath(import.meta.url);
  const child: ChildProcess = fork(file, [CHILD_FLAG], { execArgv: process.execArgv.length > 0 ? process.execArgv : ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`SMTP sink exited (${code})`)));
    child.once("message", (message: SinkMessage) => {
      if (message.type !== "ready") return reject(new Error("SMTP sink did not start"));
      resolve({
        url: `smtp://127.0.0.1:${message.port}`,
        accepted: () =>
          new Promise<number>((done) => {
            const onMessage = (reply: SinkMessage) => {
              if (reply.type !== "count") return;
              child.off("message", onMessage);
              done(reply.accepted);
            };
            child.on("message", onMessage);
            child.send({ type: "count" });
          }),
        stop: () => {
          child.removeAllListeners("exit");
          child.kill();
        },
      });
    });
  });
}

// ————— the parent: outbox and worker —————

const COMPANIES = ["株式会社さくら商事", "有限会社ひまわり工務店", "合同会社あおぞら物産", "ひかり法律事務所", "株式会社ＸＹＺ"];

function composed(i: number) {
  return composeReport({
    reportId: randomUUID(),
    agencyDomain: AGENCY_DOMAIN,
    operator: { displayName: "佐藤 美咲", mailbox: "sato" },
    receivedAt: new Date(Date.UTC(2026, 10, 24, 1, 0, i % 60)),
    caller: { company: COMPANIES[i % COMPANIES.length], name: `田中 ${i}` },
    callbackNumber: "+81311112222",
    requestedPerson: "高橋",
    routing: { recipientName: "高橋 由美", recipientAddress: "takahashi@mirai-kensetsu.example.com", reason: "named" },
    message: "お見積もりの件でお電話がありました。来週の現場打ち合わせの日程について、ご確認をお願いしたいとのことです。",
    callbackRequested: i % 3 === 0,
    outcome: "message",
  });
}

type Run = { maxConnections: number; batchSize: number; mails: number; elapsedMs: number; mailsPerSecond: number; received: number; notSent: number };

async function measure(dir: string, smtpUrl: string, accepted: () => Promise<number>, mails: number, maxConnections: number, batchSize: number): Promise<Run> {
  const db = createDb(path.join(dir, `outbox-${randomUUID()}.sqlite`));
  try {
    await migrateToLatest(db.db);
    const now = new Date().toISOString();
    await inTransaction(db.db, async (trx) => {
      for (let i = 0; i < mails; i++) {
        const mail = composed(i);
        await queueMail(trx, mail, { kind: "report", nextAttemptAt: now });
      }
    });
    const countSent = async () =>
      Number((await db.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "sent").executeTakeFirstOrThrow()).n);

    const before = await accepted();
    const worker = new OutboxWorker({
      db: db.db,
      deliverer: smtpDeliverer(smtpUrl, { maxConnections }),
      clock: () => new Date(),
      logger: createLogger("silent"),
      batchSize,
      pollMs: 50,
      leaseMs: 600_000,
    });
    const started = performance.now();
    worker.start();
    let sent = 0;
    const deadline = Date.now() + 300_000;
    while ((sent = await countSent()) < mails && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const elapsedMs = performance.now() - started;
    await worker.stop();
    const received = (await accepted()) - before;
    return { maxConnections, batchSize, mails, elapsedMs: Math.round(elapsedMs), mailsPerSecond: Math.round((sent / elapsedMs) * 1000 * 10) / 10, received, notSent: mails - sent };
  } finally {
    await db.close();
  }
}

export async function runOutboxBench(options: OutboxBenchOptions = {}) {
  const mails = options.mails ?? Number(process.env.BENCH_MAILS ?? 3_000);
  const configs = options.configs ?? [
    { maxConnections: 5, batchSize: 50 },
    { maxConnections: 10, batchSize: 50 },
    { maxConnections: 5, batchSize: 200 },
    { maxConnections: 10, batchSize: 200 },
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), "uketsuke-bench-"));
  const sink = await startSinkProcess();
  const runs: Run[] = [];
  try {
    // Warm-up: JIT, the first SMTP connections, SQLite's page cache.
    await measure(dir, sink.url, sink.accepted, Math.min(300, mails), 5, 50);
    for (const config of configs) runs.push(await measure(dir, sink.url, sink.accepted, mails, config.maxConnections, config.batchSize));
  } finally {
    sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const cpus = os.cpus();
  const machine = { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}`, loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100 };
  const goal = 300;
  const best = runs.reduce((a, b) => (b.mailsPerSecond > a.mailsPerSecond ? b : a));
  const report = {
    bench: "outbox",
    at: new Date().toISOString(),
    machine,
    config: { mails, smtp: "smtp-server in a child process, accepts everything", database: "SQLite file (WAL), fresh per run", pollMs: 50 },
    runs,
    goalMailsPerSecond: goal,
    best: { maxConnections: best.maxConnections, batchSize: best.batchSize, mailsPerSecond: best.mailsPerSecond },
    met: runs.every((r) => r.mailsPerSecond >= goal && r.notSent === 0 && r.received >= r.mails),
  };
  const lines = [
    "",
    "outbox — pending → sent through OutboxWorker + smtpDeliverer into a local SMTP server",
    `  ${machine.cpu} × ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage1m} at the end`,
    `  ${mails} composed report mails per run, fresh SQLite file per run`,
    "",
    `  ${"SMTP_MAX_CONNECTIONS".padEnd(22)}${"batch".padStart(6)}${"mails/s".padStart(10)}${"elapsed".padStart(10)}${"received".padStart(10)}${"not sent".padStart(10)}`,
    ...runs.map(
      (r) =>
        `  ${String(r.maxConnections).padEnd(22)}${String(r.batchSize).padStart(6)}${r.mailsPerSecond.toFixed(1).padStart(10)}${`${(r.elapsedMs / 1000).toFixed(2)} s`.padStart(10)}${String(r.received).padStart(10)}${String(r.notSent).padStart(10)}`,
    ),
    "",
    `  goal ≥ ${goal} mails/s: ${report.met ? "met by every configuration" : "not met by every configuration"}; best ${best.mailsPerSecond} mails/s (${best.maxConnections} connections, batch ${best.batchSize})`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
  const out = fileURLToPath(new URL("../.bench-results/outbox.json", import.meta.url));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`  written to ${path.relative(process.cwd(), out)}\n\n`);
  return report;
}

// Run directly: tsx bench/outbox.bench.ts
if (!process.argv.includes(CHILD_FLAG) && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runOutboxBench();
