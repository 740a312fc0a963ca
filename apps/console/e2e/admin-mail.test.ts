/**
 * Mail delivery on the supervisor's desk against a local SMTP server that refuses with 550: the
 * report fails at once (a 5xx is final), the desk shows it with the server's answer, the mail
 * view shows it as the client will see it, and once the server is fixed a retry from the desk
 * delivers it (one mail from its own page, the rest with "retry all"); the audit log shows each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { enumLabel, REPORT_SUBJECT } from "@uketsuke/domain";
import { deskSection, expectAccessible, openDesk, screenshot, startSmtpServer } from "./admin-support.ts";
import { LOGINS, startSuite, waitFor, type Suite } from "./support.ts";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let suite: Suite;
beforeAll(async () => {
  smtp = await startSmtpServer();
  suite = await startSuite({ env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: 100 } });
});
afterAll(async () => {
  await suite?.close();
  await smtp?.close();
});

const db = () => suite.server.running.db.db;
const outboxOf = (reportId: string) => db().selectFrom("outbox").selectAll().where("reportId", "=", reportId).executeTakeFirstOrThrow();

/** An operator takes a message by hand through the API; its report mail is queued with it. */
async function takeMessage(callerName: string) {
  const operator = await suite.server.signIn(LOGINS.operator);
  const [mirai] = await operator.trpc.calls.contracts.query();
  const call = await operator.trpc.calls.openManual.mutate({ contractId: mirai!.id });
  const saved = await operator.trpc.calls.saveMessage.mutate({ callId: call.id, callerCompany: "株式会社さくら商事", callerName, message: "見積もりの件で折り返しをお願いします。" });
  return outboxOf(saved.reportId);
}

const failed = (reportId: string) => waitFor(async () => ((await outboxOf(reportId)).status === "failed" ? outboxOf(reportId) : null), 10_000);
/** The message the SMTP server accepted with this Message-ID (headers unfolded: a long one is folded onto the next line). */
const delivered = (messageId: string) =>
  waitFor(() => smtp.received.find((raw) => raw.replace(/\r?\n[ \t]+/g, " ").includes(`Message-ID: ${messageId}`)), 10_000);

describe("a mail refused with 550", () => {
  let page: Page;
  let first: Awaited<ReturnType<typeof takeMessage>>;
  let second: Awaited<ReturnType<typeof takeMessage>>;

  beforeAll(async () => {
    first = await takeMessage("不達 一郎");
    second = await takeMessage("不達 二郎");
    await failed(first.reportId!);
    await failed(second.reportId!);
    ({ page } = await openDesk(suite, "ja"));
    await page.getByRole("link", { name: "管理者デスク" }).click();
    await deskSection(page, "メール配信");
  });

  it("is listed as failed, with the server's answer and how many times it was tried", async () => {
    await page.getByRole("radio", { name: new RegExp(enumLabel("outboxStatus", "failed").ja) }).check();
    const row = page.locator(`tr[data-outbox-id="${first.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("failed");
    expect(await row.textContent()).toContain("550");
    expect(await row.textContent()).toContain(enumLabel("outboxStatus", "failed").ja);
    expect(await page.locator("tr[data-outbox-id]").count()).toBe(2);
    await expectAccessible(page, "mail list");
    await screenshot(page, "admin-mail-list-ja");
  });

  it("shows the mail as the client will see it: HTML in a sandboxed frame, plain text beside it, headers", async () => {
    await page.locator(`tr[data-outbox-id="${first.id}"]`).getByRole("link", { name: REPORT_SUBJECT }).click();
    const frame = page.locator("iframe.mail-view__frame");
    await frame.waitFor();
    expect(await frame.getAttribute("sandbox")).toBe("");
    expect(await frame.getAttribute("srcdoc")).toBe(first.bodyHtml);
    // The frame draws the report: the caller's company is in it, as the client will read it.
    const drawn = page.frameLocator("iframe.mail-view__frame");
    await drawn.getByText("株式会社さくら商事").first().waitFor();
    expect(await page.locator("pre.mail-view__text").textContent()).toBe(first.bodyText);
    const headers = await page.locator(".desk-mail-headers").first().textContent();
    expect(headers).toContain(first.fromAddress);
    expect(headers).toContain(first.messageId);
    expect(headers).toContain("auto-generated");
    expect(await page.locator("[data-status]").getAttribute("data-status")).toBe("failed");
    await expectAccessible(page, "mail view");
    await screenshot(page, "admin-mail-view-ja");
  });

  it("is delivered after the server is fixed, retried from its page", async () => {
    smtp.answer("accept");
    await page.getByRole("button", { name: "再送", exact: true }).click();
    await delivered(first.messageId);
    await waitFor(async () => (await page.locator("[data-status]").getAttribute("data-status")) === "sent", 10_000);
    expect(await outboxOf(first.reportId!)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("delivers the rest with one press of 'retry all'", async () => {
    await deskSection(page, "メール配信");
    await page.getByRole("button", { name: /送信失敗をすべて再送/ }).click();
    await page.getByText("1通を再送の予定に戻しました。").waitFor();
    await delivered(second.messageId);
    await waitFor(async () => (await outboxOf(second.reportId!)).status === "sent", 10_000);
  });

  it("leaves each retry in the audit log", async () => {
    await deskSection(page, "操作履歴");
    await page.locator('tr[data-action="outbox.retry"]').waitFor();
    expect(await page.locator('tr[data-action="outbox.retry"]').count()).toBe(1);
    expect(await page.locator('tr[data-action="outbox.retry_all"]').textContent()).toContain("管理 花子");
  });

  it("reads the same in English", async () => {
    const { context, page: en } = await openDesk(suite, "en");
    await en.goto(`${suite.server.url}/console/supervisor/mail/${first.id}`);
    await en.getByRole("heading", { name: `Mail: ${REPORT_SUBJECT}` }).waitFor();
    await en.frameLocator("iframe.mail-view__frame").getByText("株式会社さくら商事").first().waitFor();
    expect(await en.locator("[data-status]").textContent()).toBe(enumLabel("outboxStatus", "sent").en);
    await screenshot(en, "admin-mail-view-en");
    await context.close();
  });
});
