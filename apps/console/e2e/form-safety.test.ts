import { describe, expect, it } from "vitest";
import { fieldLabel, message } from "@uketsuke/domain";
import type { Page } from "playwright-core";
import { callIdOf, LOGINS, MIRAI_NUMBER, openConsole, queueRow, reportsOf, suiteForFile, waitFor, type Locale } from "./support.ts";

const suite = suiteForFile();

async function answer(page: Page, name: string) {
  await suite().server.ring({ callId: name, to: MIRAI_NUMBER, from: "090-4444-5555" });
  const callId = await callIdOf(suite().server, name);
  await queueRow(page, callId).waitFor();
  await page.keyboard.press("Alt+KeyA");
  await page.locator("[data-answer-phrase]").waitFor();
  return callId;
}

const fieldError = (page: Page, path: string) => page.locator(`[data-field-error="${path}"]`);

describe("bad input", () => {
  for (const locale of ["en", "ja"] as Locale[]) {
    it(`shows the field error in the chosen language (${locale}) and saves nothing`, async () => {
      const { context, page } = await openConsole(suite(), LOGINS.operator, locale);
      const callId = await answer(page, `bad-input-${locale}`);
      const callback = page.getByLabel(fieldLabel("callbackNumber")[locale]);
      await callback.fill("03-12");
      await page.keyboard.press("Alt+KeyP");

      // Checked with the server's own schema before anything is sent.
      await fieldError(page, "callbackNumber").waitFor();
      expect(await fieldError(page, "callbackNumber").textContent()).toBe(message("FIELD_PHONE_INVALID")[locale]);
      expect(await callback.getAttribute("aria-invalid")).toBe("true");
      // Focus goes to the field to fix.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("call-callbackNumber");
      expect(await page.locator("[data-preview='body']").count()).toBe(0);

      // Fixed number, still no message: the message is required for a message outcome.
      await callback.fill("03-1234-5678");
      await page.keyboard.press("Alt+KeyP");
      await fieldError(page, "message").waitFor();
      expect(await fieldError(page, "message").textContent()).toBe(message("FIELD_REQUIRED")[locale]);
      expect(await fieldError(page, "callbackNumber").count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("call-message");
      expect(await page.locator("[data-preview='body']").count()).toBe(0);

      expect((await reportsOf(suite().server)).filter((r) => r.callId === callId)).toEqual([]);
      await context.close();
    });
  }

  it("shows the server's own field errors in the same place when the server refuses", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator, "en");
    const callId = await answer(page, "server-refuses");
    await page.getByRole("textbox", { name: fieldLabel("message").en, exact: true }).fill("Please call back.");
    // What the browser checked is not what arrives (a stale tab, a proxy): the server decides.
    await page.route("**/trpc/calls.preview**", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, callbackNumber: "12" }) });
    });
    await page.keyboard.press("Alt+KeyP");
    await fieldError(page, "callbackNumber").waitFor();
    expect(await fieldError(page, "callbackNumber").textContent()).toBe(message("FIELD_PHONE_INVALID").en);
    expect((await reportsOf(suite().server)).filter((r) => r.callId === callId)).toEqual([]);
    await context.close();
  });
});

describe("a call's page", () => {
  it("keeps a half-written form through a reload, in this tab", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator);
    const callId = await answer(page, "reload");
    await page.keyboard.type("株式会社さくら商事");
    await page.keyboard.press("Alt+KeyM");
    await page.keyboard.type("書きかけのご用件");
    await page.keyboard.press("Alt+KeyU");
    await page.reload();
    await page.locator("[data-answer-phrase]").waitFor();
    expect(page.url()).toContain(`/console/calls/${callId}`);
    expect(await page.getByLabel(fieldLabel("callerCompany").ja).inputValue()).toBe("株式会社さくら商事");
    expect(await page.getByRole("textbox", { name: fieldLabel("message").ja, exact: true }).inputValue()).toBe("書きかけのご用件");
    expect(await page.locator(`#call-urgent`).isChecked()).toBe(true);
    await page.getByText("入力途中の内容を復元しました").waitFor();
    await context.close();
  });

  it("shows the caller's history with this client, opens calls by hand, and has the rules and shortcuts at hand", async () => {
    const { context, page } = await openConsole(suite(), LOGINS.operator);
    // An earlier call from the same number, reported.
    const first = await answer(page, "history-1");
    await page.keyboard.type("株式会社さくら商事");
    await page.keyboard.press("Alt+KeyM");
    await page.keyboard.type("初回のご用件です");
    await page.keyboard.press("Alt+KeyP");
    await page.locator("[data-preview='body']").waitFor();
    await page.keyboard.press("Alt+KeyS");
    await page.locator("[data-wrap-up]").waitFor();
    await page.keyboard.press("Alt+KeyQ");
    await waitFor(async () => (await reportsOf(suite().server)).some((r) => r.callId === first));

    await page.keyboard.press("Alt+KeyA"); // next call: none waiting, back to the desk
    const second = await answer(page, "history-2");
    const history = page.locator("[data-history]");
    await history.waitFor();
    expect(await history.textContent()).toContain("初回のご用件です");
    expect(second).not.toBe(first);

    // The rules at hand: R4, R5, R10 in the catalogue's words.
    await page.keyboard.press("Alt+KeyL");
    const rules = page.getByRole("dialog");
    await rules.waitFor();
    for (const code of ["R4_OUTBOUND_NOT_OFFERED", "R5_BLOCKING_NOT_OFFERED", "R10_OTHER_COMPANY_NOT_RELAYED"] as const) {
      await rules.getByText(message(code).ja).waitFor();
    }
    await page.keyboard.press("Escape");
    await rules.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("call-callerCompany");

    // The shortcut overlay: ? outside a field.
    await page.locator("[data-answer-phrase]").click();
    await page.keyboard.press("?");
    await page.getByRole("dialog").getByText("Alt").first().waitFor();
    await page.keyboard.press("Escape");

    // Opening a call by hand.
    await page.keyboard.press("Alt+KeyO");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(fieldLabel("contractId").ja).selectOption({ label: "ひかり法律事務所" });
    await dialog.getByLabel(fieldLabel("from").ja).fill("06-1111-2222");
    await dialog.getByRole("button", { name: "開く" }).click();
    await page.locator("[data-answer-phrase]", { hasText: "ひかり法律事務所" }).waitFor();
    const manual = await suite().server.running.db.db.selectFrom("calls").selectAll().where("source", "=", "manual").executeTakeFirstOrThrow();
    expect(manual).toMatchObject({ status: "answered", fromNumber: "+81611112222" });
    await context.close();
  });
});
