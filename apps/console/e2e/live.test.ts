import { describe, expect, it } from "vitest";
import { callIdOf, LOGINS, newConsoleContext, queueRow, signIn, startRelay, suiteForFile } from "./support.ts";

const suite = suiteForFile();

describe("the live connection", () => {
  it("is cut and restored: the banner says so, and a call that rang meanwhile appears", async () => {
    const relay = await startRelay(suite().server.url);
    const context = await newConsoleContext(suite().browser, "ja");
    const page = await context.newPage();
    await signIn(page, relay.url, LOGINS.operator);

    relay.cut();
    const banner = page.locator("[data-live-banner]");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("再接続");
    expect(await page.locator("[data-live]").getAttribute("data-live")).not.toBe("live");

    await suite().server.ring({ callId: "rang-while-cut" });
    const callId = await callIdOf(suite().server, "rang-while-cut");
    expect(await queueRow(page, callId).count()).toBe(0);

    relay.restore();
    await queueRow(page, callId).waitFor({ timeout: 30_000 });
    await page.locator("[data-live='live']").waitFor();
    await banner.waitFor({ state: "detached" });

    await context.close();
    await relay.close();
  });
});
