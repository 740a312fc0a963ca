/**
 * Mail through a real SMTP server in-process: the report as the client receives it (R1 fixed
 * subject, R2 sender, R7 recipient, R8 誰から, Japanese intact), the same Message-ID on every
 * attempt, a mail that gives up and a supervisor's retry, capture without SMTP, and R5 reminders.
 */
import { REPORT_SUBJECT } from "@uketsuke/domain";
import type { AddressObject } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SmtpPermanentRefusal, SmtpRefusal, startSmtpSink, type ReceivedMail, type SmtpSink } from "./support/smtp-sink.ts";
import { waitFor } from "./support/wait-for.ts";
import { demoContractIds, LOGINS, startUketsuke, takeMessage, type SignedIn, type Uketsuke } from "./support/uketsuke.ts";

// A real server per file, real HTTP and SMTP: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

/** The give-up horizon, in hours: the test moves the server's clock past it. */
const GIVE_UP_AFTER_HOURS = 1;

/** How the SMTP server treats the next attempts: accept, or refuse with a 451 (or a 550). */
let refuse: (index: number) => boolean = () => false;
let refusePermanently: (index: number) => boolean = () => false;

let sink: SmtpSink;
let server: Uketsuke;
let operator: SignedIn;
let supervisor: SignedIn;
let mirai: SignedIn;
let contracts: { mirai: string; hikari: string };

beforeAll(async () => {
  sink = await startSmtpSink({
    beforeAccept: ({ index }) => {
      if (refusePermanently(index)) throw new SmtpPermanentRefusal("5.1.1 No such mailbox (test)");
      if (refuse(index)) throw new SmtpRefusal("4.3.0 Try again later (test)");
    },
  });
  server = await startUketsuke({
    env: {
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: 50,
      OUTBOX_RETRY_BASE_SECONDS: 0.05,
      // Attempts at most 0.2 s apart, so an "outage" of many attempts takes a moment of the test.
      OUTBOX_RETRY_CAP_MINUTES: 0.2 / 60,
      OUTBOX_GIVE_UP_AFTER_HOURS: GIVE_UP_AFTER_HOURS,
      // The test runs the reminder check itself, at the instants it chooses.
      REMINDER_CHECK_SECONDS: 3600,
    },
  });
  // One at a time: sign-in hashing is bounded per client, and a test is one client.
  operator = await server.login(LOGINS.operator);
  supervisor = await server.login(LOGINS.supervisor);
  mirai = await server.login(LOGINS.mirai);
  contracts = await demoContractIds(operator);
}, 30_000);

afterAll(async () => {
  await server?.close();
  await sink?.close();
});

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));

async function outboxRow(where: { reportId?: string; callbackId?: string }) {
  let query = server.running.db.db.selectFrom("outbox").selectAll();
  if (where.reportId) query = query.where("reportId", "=", where.reportId).where("kind", "=", "report");
  if (where.callbackId) query = query.where("callbackId", "=", where.callbackId).where("kind", "=", "reminder");
  return query.executeTakeFirstOrThrow();
}

async function report(reportId: string) {
  return server.running.db.db.selectFrom("reports").selectAll().where("id", "=", reportId).executeTakeFirstOrThrow();
}

async function received(messageId: string): Promise<ReceivedMail> {
  return waitFor(() => sink.byMessageId(messageId)[0], 10_000);
}

describe("a saved message leaves as a report mail over SMTP", () => {
  it("arrives with the fixed subject, the operator's sender, the routed address, Japanese intact and the report's Message-ID", async () => {
    const saved = await takeMessage(operator, contracts.mirai, {
      callerCompany: "株式会社さくら商事",
      callerName: "田中 一郎",
      requestedPerson: "高橋",
      message: "来週の現場打ち合わせの日程について、ご確認をお願いしたいとのことです。",
    });
    const stored = await report(saved.reportId);
    expect(stored.routedAddress).toBe("takahashi@mirai-kensetsu.example.com");
    const mail = await received(stored.messageId);

    expect(mail.parsed.subject).toBe(REPORT_SUBJECT);
    expect(addresses(mail.parsed.from)).toEqual(["sato@uketsuke.example.jp"]);
    expect(addresses(mail.parsed.to)).toEqual(["takahashi@mirai-kensetsu.example.com"]);
    expect(mail.envelopeTo).toEqual(["takahashi@mirai-kensetsu.example.com"]);
    expect(mail.messageId).toBe(stored.messageId);
    expect(mail.messageId).toBe(`<report.${saved.reportId}@uketsuke.example.jp>`);
    const text = mail.parsed.text ?? "";
    expect(text).toContain("■誰から");
    expect(text).toContain("株式会社さくら商事");
    expect(text).toContain("田中 一郎");
    expect(text).toContain("来週の現場打ち合わせの日程について");
    expect(text.trimEnd()).toBe(stored.bodyText.trimEnd());
    expect(mail.parsed.html).toContain("誰から");
    expect(mail.parsed.html).toContain("株式会社さくら商事");
    expect(mail.parsed.headers.get("auto-submitted")).toBe("auto-generated");

    const row = await waitFor(async () => {
      const r = await outboxRow({ reportId: saved.reportId });
      return r.status === "sent" ? r : null;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null, messageId: stored.messageId });
    expect(mail.parsed.headers.get("x-uketsuke-outbox-id")).toBe(row.id);
  });

  it("keeps the Message-ID when the first attempt is refused and the retry goes through", async () => {
    const firstAttempt = sink.attempts();
    refuse = (index) => index === firstAttempt;
    try {
      const saved = await takeMessage(operator, contracts.mirai, { callerName: "再送 テスト", message: "一度目は受け付けられないメール" });
      const stored = await report(saved.reportId);
      const row = await waitFor(async () => {
        const r = await outboxRow({ reportId: saved.reportId });
        return r.status === "sent" ? r : null;
      }, 10_000);
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.lastError).toMatch(/451|Try again later/);
      expect(row.messageId).toBe(stored.messageId);
      const copies = sink.byMessageId(stored.messageId);
      expect(copies).toHaveLength(1);
      expect(copies[0]?.parsed.subject).toBe(REPORT_SUBJECT);
    } finally {
      refuse = () => false;
    }
  });

  it("keeps trying through a 4xx outage until the horizon, then 'failed' with its last error; a supervisor's retry delivers it", async () => {
    refuse = () => true;
    let saved: Awaited<ReturnType<typeof takeMessage>>;
    let failedAttempts: number;
    try {
      saved = await takeMessage(operator, contracts.hikari, { callerName: "不達 テスト", message: "何度送っても受け付けられないメール" });
      // Many refusals, and still waiting: a count of attempts is no reason to give up.
      const trying = await waitFor(async () => {
        const r = await outboxRow({ reportId: saved.reportId });
        return r.attempts >= 12 ? r : null;
      }, 20_000);
      expect(trying.status).not.toBe("failed");
      expect(trying.lastError).toMatch(/451|Try again later/);
      // Past the horizon, the next refusal is the last.
      server.clock.advance(GIVE_UP_AFTER_HOURS * 3_600_000);
      const failed = await waitFor(async () => {
        const r = await outboxRow({ reportId: saved.reportId });
        return r.status === "failed" ? r : null;
      }, 10_000);
      failedAttempts = failed.attempts;
      // An attempt in flight when the clock jumped may be the one that gives up.
      expect(failed.attempts).toBeGreaterThanOrEqual(trying.attempts);
      expect(failed.lastError).toMatch(/451|Try again later/);
      const listed = await supervisor.trpc.admin.mail.outbox.query({ status: "failed" });
      expect(listed.map((m) => m.id)).toContain(failed.id);
      // Nothing more is tried on its own.
      const attemptsSeen = sink.attempts();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(sink.attempts()).toBe(attemptsSeen);
    } finally {
      refuse = () => false;
    }

    const row = await outboxRow({ reportId: saved.reportId });
    const retried = await supervisor.trpc.admin.mail.retry.mutate({ id: row.id });
    expect(retried).toMatchObject({ status: "pending", attempts: failedAttempts });
    const sent = await waitFor(async () => {
      const r = await outboxRow({ reportId: saved.reportId });
      return r.status === "sent" ? r : null;
    }, 10_000);
    expect(sent.attempts).toBe(failedAttempts + 1);
    const mail = await received(sent.messageId);
    expect(addresses(mail.parsed.to)).toEqual(["nakamura@hikari-law.example.com"]);
    expect(sink.byMessageId(sent.messageId)).toHaveLength(1);

    // Only a failed mail can be retried, and only by a supervisor.
    await expect(supervisor.trpc.admin.mail.retry.mutate({ id: row.id })).rejects.toMatchObject({ data: { code: "OUTBOX_NOT_FAILED" } });
    await expect(operator.trpc.admin.mail.retry.mutate({ id: row.id })).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});

describe("a permanent refusal", () => {
  it("fails the mail at once (5xx is final), keeps the server's answer, and a supervisor's retry sends it", async () => {
    const first = sink.attempts();
    refusePermanently = (index) => index === first;
    try {
      const saved = await takeMessage(operator, contracts.mirai, { callerName: "宛先不明 テスト", message: "存在しない宛先への報告" });
      const failed = await waitFor(async () => {
        const r = await outboxRow({ reportId: saved.reportId });
        return r.status === "failed" ? r : null;
      }, 10_000);
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toMatch(/550|No such mailbox/);
      refusePermanently = () => false;
      await supervisor.trpc.admin.mail.retry.mutate({ id: failed.id });
      const sent = await waitFor(async () => {
        const r = await outboxRow({ reportId: saved.reportId });
        return r.status === "sent" ? r : null;
      }, 10_000);
      expect(sent.attempts).toBe(2);
    } finally {
      refusePermanently = () => false;
    }
  });
});

describe("R5 reminders go out by mail until the client marks the callback done", () => {
  it("queues a reminder after 30 minutes, delivers it over SMTP, and stops once the callback is done", async () => {
    const saved = await takeMessage(operator, contracts.mirai, {
      callerCompany: "有限会社ひまわり工務店",
      callerName: "山本",
      callbackNumber: "090-1234-5678",
      message: "至急折り返しがほしいとのことです。",
      callbackRequested: true,
    });
    expect(saved.callbackId).not.toBeNull();
    const callbackId = String(saved.callbackId);
    await received((await report(saved.reportId)).messageId);

    // Not yet: the first reminder is due 30 minutes after the call.
    expect(await server.running.reminders.runOnce()).toBe(0);
    server.clock.advance(31 * 60_000);
    expect(await server.running.reminders.runOnce()).toBe(1);
    // Due once: running again at once queues nothing more.
    expect(await server.running.reminders.runOnce()).toBe(0);

    const reminder = await outboxRow({ callbackId });
    expect(reminder.messageId).toBe(`<reminder.${callbackId}.1@uketsuke.example.jp>`);
    const mail = await received(reminder.messageId);
    expect(mail.parsed.subject).toBe(REPORT_SUBJECT);
    expect(addresses(mail.parsed.from)).toEqual(["sato@uketsuke.example.jp"]);
    expect(addresses(mail.parsed.to)).toEqual(["yamada@mirai-kensetsu.example.com"]);
    expect(mail.parsed.text).toContain("折り返し");
    expect(mail.parsed.text).toContain("有限会社ひまわり工務店");
    expect(mail.parsed.text).toContain("090-1234-5678");

    await mirai.trpc.callbacks.markDone.mutate({ id: callbackId });
    server.clock.advance(3 * 60 * 60_000);
    expect(await server.running.reminders.runOnce()).toBe(0);
    const reminders = await server.running.db.db.selectFrom("outbox").select("id").where("callbackId", "=", callbackId).execute();
    expect(reminders).toHaveLength(1);
  });
});

describe("without SMTP_URL the mail is captured", () => {
  let captureServer: Uketsuke;

  beforeAll(async () => {
    captureServer = await startUketsuke({ env: { OUTBOX_POLL_MS: 50 } });
  }, 30_000);

  afterAll(async () => {
    await captureServer?.close();
  });

  it("keeps the composed mail for supervisors (admin.mail.captured) instead of sending it", async () => {
    const [op, kanri] = await Promise.all([captureServer.login(LOGINS.operator), captureServer.login(LOGINS.supervisor)]);
    const ids = await demoContractIds(op);
    const saved = await takeMessage(op, ids.mirai, { callerCompany: "株式会社キャプチャ", message: "SMTPなしで保存されるメール" });
    const stored = await captureServer.running.db.db.selectFrom("reports").selectAll().where("id", "=", saved.reportId).executeTakeFirstOrThrow();
    const listed = await waitFor(async () => (await kanri.trpc.admin.mail.captured.query()).find((m) => m.messageId === stored.messageId), 10_000);
    // The list carries no body; the single item does.
    expect(listed).not.toHaveProperty("bodyText");
    const captured = await kanri.trpc.admin.mail.capturedItem.query({ id: listed.id });
    expect(captured).toMatchObject({
      subject: REPORT_SUBJECT,
      fromAddress: "sato@uketsuke.example.jp",
      toAddresses: ["yamada@mirai-kensetsu.example.com"],
      bodyText: stored.bodyText,
    });
    expect(captured.bodyText).toContain("株式会社キャプチャ");
    const row = await captureServer.running.db.db.selectFrom("outbox").selectAll().where("reportId", "=", saved.reportId).executeTakeFirstOrThrow();
    expect(row.status).toBe("captured");
    await expect(op.trpc.admin.mail.captured.query()).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});
