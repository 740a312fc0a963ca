/**
 * Nothing is lost when SMTP is down or the process dies (DESIGN: "Email leaves only through the
 * outbox"). (a) The mail server is away: the mail waits with growing back-off and goes out as
 * composed when the server returns. (b) The real server is SIGKILLed in the middle of delivering:
 * restarted on the same database, it delivers every report at least once, with its Message-ID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Db } from "@uketsuke/db";
import { freePort } from "@uketsuke/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";
import { waitFor } from "./support/wait-for.ts";
import { demoContractIds, login, LOGINS, startUketsuke, takeMessage, TELEPHONY_SECRET, type Uketsuke } from "./support/uketsuke.ts";

// A real server per file, real HTTP and SMTP: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");


describe("(a) the mail server is down, then comes back", () => {
  let server: Uketsuke;
  let sink: SmtpSink | undefined;
  let smtpPort: number;

  beforeAll(async () => {
    smtpPort = await freePort(); // nothing listens there yet
    server = await startUketsuke({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_POLL_MS: 50, OUTBOX_RETRY_BASE_SECONDS: 0.05, OUTBOX_MAX_ATTEMPTS: 50 },
    });
  }, 30_000);

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it("keeps the mail pending with growing back-off, then delivers it exactly as composed", async () => {
    const operator = await server.login(LOGINS.operator);
    const { mirai } = await demoContractIds(operator);
    const saved = await takeMessage(operator, mirai, { callerCompany: "株式会社あおぞら物産", callerName: "小川", message: "メールサーバー停止中に保存した伝言" });
    const db = server.running.db.db;
    const row = () => db.selectFrom("outbox").selectAll().where("reportId", "=", saved.reportId).executeTakeFirstOrThrow();

    // Several attempts fail, and between them the row waits: pending, due again later.
    const waiting = await waitFor(async () => {
      const r = await row();
      return r.status === "pending" && r.attempts >= 4 && Date.parse(r.nextAttemptAt) > server.clock.now().getTime() ? r : null;
    }, 15_000);
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.sentAt).toBeNull();

    sink = await startSmtpSink({ port: smtpPort });
    const sent = await waitFor(async () => {
      const r = await row();
      return r.status === "sent" ? r : null;
    }, 15_000);
    expect(sent.attempts).toBeGreaterThan(waiting.attempts);

    const copies = sink.byMessageId(sent.messageId);
    expect(copies).toHaveLength(1);
    const mail = copies[0]!;
    const report = await db.selectFrom("reports").selectAll().where("id", "=", saved.reportId).executeTakeFirstOrThrow();
    expect(mail.messageId).toBe(report.messageId);
    expect(mail.parsed.subject).toBe(report.subject);
    expect(mail.parsed.text?.trimEnd()).toBe(report.bodyText.trimEnd());
    expect(mail.parsed.html).toBe(report.bodyHtml);
    expect(mail.envelopeTo).toEqual([report.routedAddress]);
  });
});

describe("(b) the server is SIGKILLed while delivering", () => {
  const children = new Set<ChildProcess>();
  let dir: string;
  let sink: SmtpSink;
  let db: Db | undefined;
  let onAccepted: ((accepted: number) => void) | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "uketsuke-kill-"));
    // A slow mail server: every message is held before the 250, so the kill lands mid-delivery.
    sink = await startSmtpSink({ holdMs: 1_200, afterAccept: (n) => onAccepted?.(n) });
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await db?.close();
    await sink?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts `tsx src/main.ts` as a separate process, the way `pnpm start` does. */
  async function startChild(port: number): Promise<{ child: ChildProcess; url: string; output: () => string }> {
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: path.join(dir, "uketsuke.sqlite"),
      SMTP_URL: sink.url,
      SMTP_MAX_CONNECTIONS: "5",
      OUTBOX_LEASE_SECONDS: "2",
      OUTBOX_POLL_MS: "100",
      OUTBOX_RETRY_BASE_SECONDS: "0.05",
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      TELEPHONY_SECRET,
    };
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: serverDir, env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      return (await fetch(`${url}/healthz`)).ok;
    }, 30_000, 100);
    return { child, url, output: () => output };
  }

  function killed(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }

  it("delivers every report at least once with its Message-ID after a restart, and every outbox row ends 'sent'", async () => {
    const port = await freePort();
    const first = await startChild(port);
    // The kill: the moment the mail server answers 250 to a mail (the second or later) while
    // others are still held unanswered — before the server can mark that one sent, so it will go
    // again (a duplicate), and with mails in flight that must go again after the restart.
    let acceptedBeforeKill = 0;
    let inFlightAtKill = 0;
    onAccepted = (n) => {
      if (acceptedBeforeKill > 0 || n < 2 || sink.inFlight() === 0) return;
      acceptedBeforeKill = n;
      inFlightAtKill = sink.inFlight();
      first.child.kill("SIGKILL");
    };
    const operator = await login(first.url, LOGINS.operator);
    const { mirai, hikari } = await demoContractIds(operator);
    const reportIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const saved = await takeMessage(operator, i % 2 ? hikari : mirai, { callerName: `耐久 ${i + 1}`, message: `強制終了テストの伝言 ${i + 1}` });
      reportIds.push(saved.reportId);
    }

    await waitFor(() => first.child.signalCode === "SIGKILL", 20_000);
    expect(inFlightAtKill).toBeGreaterThan(0);

    db = createDb(path.join(dir, "uketsuke.sqlite"));
    const reports = await db.db.selectFrom("reports").select(["id", "messageId"]).where("id", "in", reportIds).execute();
    expect(reports).toHaveLength(10);
    const unfinished = await db.db.selectFrom("outbox").select("id").where("status", "!=", "sent").execute();
    expect(unfinished.length).toBeGreaterThan(0);

    const second = await startChild(port);
    const messageIds = reports.map((r) => r.messageId);
    await waitFor(() => messageIds.every((id) => sink.byMessageId(id).length >= 1), 30_000, 50);
    const rows = await waitFor(async () => {
      const all = await db!.db.selectFrom("outbox").select(["status", "messageId", "attempts"]).execute();
      return all.length === 10 && all.every((r) => r.status === "sent") ? all : null;
    }, 20_000, 50);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(messageIds));

    const duplicates = messageIds.reduce((sum, id) => sum + sink.byMessageId(id).length - 1, 0);
    console.info(
      `SIGKILL sent at the mail server's 250 no. ${acceptedBeforeKill}, with ${inFlightAtKill} more held unanswered ` +
        `(${sink.lostInFlight()} dropped by the mail server), ${sink.accepted()} accepted in all, ${duplicates} duplicate(s); ` +
        `attempts per row: ${rows.map((r) => r.attempts).join(",")}`,
    );
    // At-least-once: duplicates are allowed, never a missing mail; every copy is one of ours.
    expect(sink.received.every((m) => messageIds.includes(m.messageId))).toBe(true);
    await killed(second.child);
  }, 90_000);
});
