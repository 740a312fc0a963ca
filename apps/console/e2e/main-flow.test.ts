import { describe, expect, it } from "vitest";
import { enumLabel, fieldLabel, REPORT_SUBJECT } from "@uketsuke/domain";
import {
  callIdOf,
  capturedReport,
  LOGINS,
  newConsoleContext,
  openConsole,
  queueRow,
  reportsOf,
  runAxe,
  screenshot,
  suiteForFile,
  waitFor,
  type Locale,
} from "./support.ts";

const suite = suiteForFile();

describe("signing in", () => {
  it("shows a sign-in page without serious or critical accessibility problems", async () => {
    const context = await newConsoleContext(suite().browser, "ja");
    const page = await context.newPage();
    await page.goto(`${suite().server.url}/console/`);
    await page.getByLabel("メールアドレス").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, "sign-in-ja");
    await context.close();
  });
});

/** The whole path of a call, by keyboard, in either language. */
async function takeCall(locale: Locale) {
  const { context, page } = await openConsole(suite(), LOGINS.operator, locale);
  // The header: open now (R9, by the server's clock: Tuesday 10:00 JST), and this operator's sender (R2).
  expect(await page.locator("[data-business]").getAttribute("data-business")).toBe("open");
  expect(await page.locator("[data-business]").textContent()).toContain("18:00");
  expect(await page.locator("[data-sender]").textContent()).toBe("sato@uketsuke.example.jp");

  const external = `main-flow-${locale}`;
  await suite().server.ring({ callId: external, from: "03-5555-1234" });
  const callId = await callIdOf(suite().server, external);

  // The call arrives over SSE: no reload, no click.
  await queueRow(page, callId).waitFor();
  await expect.poll(() => queueRow(page, callId).textContent()).toContain("03-5555-1234");
  expect(await runAxe(page)).toEqual([]);
  await screenshot(page, `queue-${locale}`);

  await page.keyboard.press("Alt+KeyA");
  const phrase = page.locator("[data-answer-phrase]");
  await phrase.waitFor();
  expect(await phrase.textContent()).toBe("お電話ありがとうございます。株式会社みらい建設でございます。");
  // Focus is in the form at once: the operator types what the caller says.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("call-callerCompany");

  await page.keyboard.type("株式会社さくら商事");
  await page.keyboard.press("Alt+KeyN");
  await page.keyboard.type("田中 一郎");
  await page.keyboard.press("Alt+KeyT");
  await page.keyboard.type("山田さん");
  await page.keyboard.press("Alt+KeyM");
  await page.keyboard.type("お見積もりの件で、本日中に折り返しをお願いしたいとのことです。");
  await page.keyboard.press("Alt+KeyR");
  await page.keyboard.press("Alt+KeyU");
  await expect.poll(() => page.locator("[data-routed-to]").textContent()).toBe("山田 太郎");
  expect(await page.getByLabel(fieldLabel("callbackRequested")[locale]).isChecked()).toBe(true);
  expect(await runAxe(page)).toEqual([]);
  await screenshot(page, `screen-pop-filled-${locale}`);

  await page.keyboard.press("Alt+KeyP");
  await page.locator("[data-preview='subject']").waitFor();
  expect(await page.locator("[data-preview='subject']").textContent()).toBe(REPORT_SUBJECT);
  expect(await page.locator("[data-preview='from']").textContent()).toBe("sato@uketsuke.example.jp");
  expect(await page.locator("[data-preview='to']").textContent()).toBe("yamada@mirai-kensetsu.example.com");
  const previewBody = (await page.locator("[data-preview='body']").textContent()) ?? "";
  expect(previewBody.split("\n")[0]).toContain("【至急】");
  expect(previewBody).toContain("株式会社さくら商事 田中 一郎 様");
  await screenshot(page, `preview-${locale}`);

  await page.keyboard.press("Alt+KeyS");
  await page.locator("[data-wrap-up]").waitFor();
  expect(await page.locator("[data-saved-to]").textContent()).toContain("山田 太郎");

  const report = (await reportsOf(suite().server)).find((r) => r.callId === callId);
  expect(report).toMatchObject({ callerCompany: "株式会社さくら商事", callerName: "田中 一郎", routedName: "山田 太郎", outcome: "message" });
  const mail = await capturedReport(suite().server, report!.messageId);
  expect(mail.subject).toBe(REPORT_SUBJECT);
  expect(mail.fromAddress).toBe("sato@uketsuke.example.jp");
  expect(mail.toAddresses).toEqual(["yamada@mirai-kensetsu.example.com"]);
  // The mail is exactly what the preview showed.
  expect(mail.bodyText).toBe(previewBody);

  await page.keyboard.press("Alt+KeyQ");
  await waitFor(async () => (await suite().server.running.db.db.selectFrom("calls").select("status").where("id", "=", callId).executeTakeFirst())?.status === "ended");
  await context.close();
}

describe("the main flow", () => {
  it("a signed ring reaches the queue live; answered by keyboard, written in Japanese, previewed and saved, it is mailed as previewed", async () => {
    await takeCall("ja");
  });

  it("works the same with the interface in English (labels and outcome from the catalogue)", async () => {
    await takeCall("en");
    const report = (await reportsOf(suite().server)).at(-1);
    expect(enumLabel("outcome", report!.outcome).en).toBe("Message taken");
  });
});
