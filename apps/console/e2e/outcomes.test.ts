import { describe, expect, it } from "vitest";
import { fieldLabel, message, TEST_CALL_GUIDANCE } from "@uketsuke/domain";
import type { Page } from "playwright-core";
import { callIdOf, HIKARI_NUMBER, LOGINS, MIRAI_NUMBER, openConsole, queueRow, reportsOf, suiteForFile, waitFor } from "./support.ts";

const suite = suiteForFile();

async function answerNewCall(page: Page, name: string, to = MIRAI_NUMBER) {
  await suite().server.ring({ callId: name, to, from: "090-2222-3333" });
  const callId = await callIdOf(suite().server, name);
  await queueRow(page, callId).waitFor();
  await page.keyboard.press("Alt+KeyA");
  await page.locator("[data-answer-phrase]").waitFor();
  return callId;
}

async function previewAndSave(page: Page) {
  await page.keyboard.press("Alt+KeyP");
  await page.locator("[data-preview='body']").waitFor();
  await page.keyboard.press("Alt+KeyS");
  await page.locator("[data-wrap-up]").waitFor();
}

async function reportOf(callId: string) {
  return waitFor(async () => (await reportsOf(suite().server)).find((r) => r.callId === callId));
}

describe("outcomes other than a message", () => {
  it("a registered look-alike, typed as heard, turns the call into a wrong number with one key and gives the words to say", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator);
    const callId = await answerNewCall(page, "wrong-number");
    await page.getByLabel(fieldLabel("company").ja).fill("ミライケンセツさんですか？");
    const match = page.locator("[data-registry-match]");
    await match.waitFor();
    expect(await match.textContent()).toContain("株式会社未来建設");

    await page.keyboard.press("Alt+KeyW");
    expect(await page.getByRole("radio", { name: "間違い電話（先方にお伝え済み）" }).isChecked()).toBe(true);
    expect(await match.textContent()).toContain("お掛け間違いではございませんでしょうか");
    await previewAndSave(page);

    const report = await reportOf(callId);
    const entry = await suite().server.running.db.db.selectFrom("wrong_number_entries").select("id").where("companyName", "=", "株式会社未来建設").executeTakeFirstOrThrow();
    expect(report).toMatchObject({ outcome: "wrong_number", wrongNumberEntryId: entry.id });
    await context.close();
  });

  it("a test call: one key, the guidance to read out, saved as a test call without a message", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator);
    const callId = await answerNewCall(page, "test-call", HIKARI_NUMBER);
    expect(await page.locator("[data-answer-phrase]").textContent()).toContain("ひかり法律事務所");
    await page.keyboard.press("Alt+Digit3");
    await page.getByText(TEST_CALL_GUIDANCE.ja).waitFor();
    await previewAndSave(page);
    expect(await reportOf(callId)).toMatchObject({ outcome: "test_call", message: "" });
    await context.close();
  });

  it("the caller hangs up mid-call: the operator is told, the form stays, and the report is still saved", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator);
    const callId = await answerNewCall(page, "hung-up");
    await page.keyboard.type("株式会社さくら商事");
    await suite().server.event({ type: "hangup", callId: "hung-up", to: MIRAI_NUMBER, direction: "inbound" });
    await page.locator("[data-hung-up]").waitFor();
    expect(await page.getByLabel(fieldLabel("callerCompany").ja).inputValue()).toBe("株式会社さくら商事");
    await page.keyboard.press("Alt+KeyM");
    await page.keyboard.type("途中で切れました");
    await previewAndSave(page);
    expect(await reportOf(callId)).toMatchObject({ message: "途中で切れました" });
    // Already ended by the hang-up: the wrap-up offers only the next call.
    expect(await page.getByRole("button", { name: /終話/ }).count()).toBe(0);
    await context.close();
  });

  it("a call for a group company shows R10's wording, and is recorded as not relayed", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator);
    const callId = await answerNewCall(page, "group-company");
    await page.getByLabel(fieldLabel("company").ja).fill("みらい不動産さん");
    const notice = page.locator("[data-other-company]");
    await notice.waitFor();
    expect(await notice.textContent()).toContain(message("R10_OTHER_COMPANY_NOT_RELAYED").ja);
    expect(await notice.locator("[data-rule='R10']").count()).toBe(1);
    await page.keyboard.press("Alt+Digit4");
    await previewAndSave(page);
    expect(await reportOf(callId)).toMatchObject({ outcome: "other_company" });
    await context.close();
  });
});
