/**
 * The figures, the wallboard and the billing count in Chromium, against calls this test makes
 * through the signed webhook at ring times it chooses: every number on the page is worked out
 * again here from the calls as stored (ring and answer times), without the server's SQL.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { deskSection, expectAccessible, openDesk, screenshot } from "./admin-support.ts";
import { callIdOf, HIKARI_NUMBER, LOGINS, MIRAI_NUMBER, suiteForFile, waitFor, type Locale } from "./support.ts";

const suite = suiteForFile();

const TODAY = "2026-11-24";
const tile = (page: Page, id: string) => page.locator(`[data-tile="${id}"] .figure-tile__value`);
const format = (locale: Locale) => ({
  number: (n: number) => new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-GB").format(n),
  percent: (n: number) => new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(n),
  seconds: (n: number) => (locale === "ja" ? `${n}秒` : `${n} s`),
});

/** Rings `waitedSeconds` ago by the server's clock; the operator answers now, and hangs up. */
async function answeredCall(name: string, waitedSeconds: number, to = MIRAI_NUMBER) {
  const at = new Date(suite().server.clock.now().getTime() - waitedSeconds * 1000).toISOString();
  await suite().server.ring({ callId: name, to, at });
  const id = await callIdOf(suite().server, name);
  const operator = await suite().server.signIn(LOGINS.operator);
  await operator.trpc.calls.claim.mutate({ id });
  await operator.trpc.calls.end.mutate({ id });
  return id;
}

/** The figures worked out from the calls as stored: today's counts and the speed of answer. */
async function expected() {
  const calls = await suite().server.running.db.db.selectFrom("calls").select(["ringAt", "answeredAt", "status", "source"]).execute();
  const waits = calls
    .filter((c) => c.answeredAt && c.source === "telephony")
    .map((c) => Math.max(0, Math.ceil((Date.parse(c.answeredAt!) - Date.parse(c.ringAt)) / 1000)))
    .sort((a, b) => a - b);
  const rank = (percent: number) => waits[Math.ceil((percent * waits.length) / 100) - 1]!;
  return {
    calls: calls.length,
    answered: calls.filter((c) => c.answeredAt).length,
    missed: calls.filter((c) => c.status === "missed").length,
    closed: calls.filter((c) => c.status === "closed").length,
    share: waits.filter((s) => s <= 20).length / waits.length,
    p50: rank(50),
    p90: rank(90),
    /** Tuesday 10:00 in Tokyo is UTC 01:00 on the same date (every call but the closed one rang then). */
    tuesdayAt10: calls.filter((c) => new Date(Date.parse(c.ringAt) + 9 * 3_600_000).getUTCHours() === 10).length,
  };
}

describe("figures, wallboard and billing", () => {
  beforeAll(async () => {
    for (const [name, waited] of [["fast", 4], ["quick", 11], ["steady", 17], ["slow", 26], ["slower", 38]] as const) await answeredCall(name, waited);
    await answeredCall("hikari", 8, HIKARI_NUMBER);
    // Rang and hung up before anyone answered.
    await suite().server.ring({ callId: "gave-up", to: MIRAI_NUMBER });
    await suite().server.event({ type: "hangup", callId: "gave-up", to: MIRAI_NUMBER, direction: "inbound" });
    // 08:30 in Tokyo, before opening: recorded, never queued (R9).
    await suite().server.ring({ callId: "too-early", to: MIRAI_NUMBER, at: "2026-11-23T23:30:00.000Z" });
    await waitFor(async () => (await suite().server.running.db.db.selectFrom("calls").select("status").where("externalId", "=", "too-early").executeTakeFirst())?.status === "closed");
  });

  for (const locale of ["ja", "en"] as Locale[]) {
    it(`shows the calls made, counted and timed as worked out here (${locale})`, async () => {
      const want = await expected();
      const f = format(locale);
      const { context, page } = await openDesk(suite(), locale);
      await page.goto(`${suite().server.url}/console/supervisor/figures`);
      await tile(page, "tile-calls").waitFor();
      expect(await tile(page, "tile-calls").textContent()).toBe(f.number(want.calls));
      expect(await tile(page, "tile-answered").textContent()).toBe(f.number(want.answered));
      expect(await tile(page, "tile-missed").textContent()).toBe(f.number(want.missed));
      expect(await tile(page, "tile-speed-share").textContent()).toBe(f.percent(want.share));
      expect(await tile(page, "tile-speed-p50").textContent()).toBe(f.seconds(want.p50));
      expect(await tile(page, "tile-speed-p90").textContent()).toBe(f.seconds(want.p90));
      // Today's row of the per-day table, and Tuesday 10:00 in the heat map (Monday is the first row).
      const today = page.locator(`tr[data-date="${TODAY}"] td`);
      expect(await today.allTextContents()).toEqual([want.calls, want.answered, want.missed, want.closed].map(f.number));
      expect(await page.locator(".heat-map tbody tr").nth(1).locator("td").nth(10).textContent()).toBe(String(want.tuesdayAt10));
      // The chart is drawn (uPlot, loaded with this page only).
      await page.locator(".stacked-bars canvas").waitFor();
      await expectAccessible(page, `figures (${locale})`);
      await screenshot(page, `admin-figures-${locale}`);
      await context.close();
    });
  }

  for (const locale of ["ja", "en"] as Locale[]) {
    it(`keeps the wallboard live: a ring and an answer show without a reload (${locale})`, async () => {
      const { context, page } = await openDesk(suite(), locale);
      await page.goto(`${suite().server.url}/console/supervisor/wallboard`);
      await page.locator(".wallboard [data-live='live']").waitFor();
      await waitFor(async () => (await tile(page, "wall-ringing").textContent()) === "0");
      await suite().server.ring({ callId: `wall-${locale}`, to: HIKARI_NUMBER, at: new Date(suite().server.clock.now().getTime() - 65_000).toISOString() });
      await waitFor(async () => (await tile(page, "wall-ringing").textContent()) === "1");
      // The longest wait runs from the ring: over a minute already.
      expect(await tile(page, "wall-longest").textContent()).toMatch(/^1:0\d$/);
      await screenshot(page, `admin-wallboard-${locale}`);
      await expectAccessible(page, `wallboard (${locale})`);
      const operator = await suite().server.signIn(LOGINS.operator2);
      await operator.trpc.calls.claim.mutate({ id: await callIdOf(suite().server, `wall-${locale}`) });
      await waitFor(async () => (await tile(page, "wall-ringing").textContent()) === "0" && (await tile(page, "wall-on-call").textContent()) === "1");
      expect(await page.locator(".wallboard__people li").textContent()).toContain("鈴木 健太");
      const want = await expected();
      expect(await tile(page, "wall-answered").textContent()).toBe(format(locale).number(want.answered));
      await operator.trpc.calls.end.mutate({ id: await callIdOf(suite().server, `wall-${locale}`) });
      await context.close();
    });
  }

  it("counts each contract's calls of the month, and exports them as CSV with a BOM for Excel", async () => {
    const { context, page } = await openDesk(suite(), "ja");
    await page.getByRole("link", { name: "管理者デスク" }).click();
    await deskSection(page, "請求件数");
    const calls = await suite().server.running.db.db
      .selectFrom("calls")
      .innerJoin("contracts", "contracts.id", "calls.contractId")
      .select(["contracts.id", "calls.answeredAt"])
      .where("contracts.legalEntityName", "=", "株式会社みらい建設")
      .execute();
    const row = page.locator("tr[data-contract-id]", { hasText: "株式会社みらい建設" });
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    expect(cells.slice(1, 3)).toEqual([String(calls.length), String(calls.filter((c) => c.answeredAt).length)]);
    await expectAccessible(page, "billing");
    await screenshot(page, "admin-billing-ja");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /CSVをダウンロード/ }).click()]);
    expect(download.suggestedFilename()).toBe("uketsuke-billing-2026-11.csv");
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("対象月,契約法人名,電話の名乗り,着信,請求対象（応答）,不在,時間外・停止中");
    expect(lines).toContain(`2026-11,株式会社みらい建設,株式会社みらい建設,${calls.length},${calls.filter((c) => c.answeredAt).length},1,1`);
    await context.close();
  });
});
