/**
 * Reports: a Japanese substring search finds a report; the CSV export of a filter has the right
 * columns, a BOM, and a formula-looking cell neutralised; a report's timeline shows the mail
 * delivered after the outbox sent it, and "opened" with who opened it after the page was seen.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGINS, startWorld, takeCall, waitFor, type World } from "./support/world.ts";

let world: World;
let formulaReport = "";
let otherReport = "";

beforeAll(async () => {
  world = await startWorld();
  ({ reportId: otherReport } = await takeCall(world.server, { callerCompany: "有限会社さくら設計", callerName: "佐々木", message: "図面の確認をお願いします。" }));
  ({ reportId: formulaReport } = await takeCall(world.server, {
    callerCompany: "=HYPERLINK(\"http://evil.example\",\"請求書\")",
    callerName: "田中",
    callbackNumber: "090-2222-3333",
    message: "ご請求書の再発行について、至急ご連絡ください。\n二行目です。",
    callbackRequested: true,
  }));
});
afterAll(async () => {
  await world?.close();
});

describe("reports", () => {
  it("finds a report by a Japanese substring of its message", async () => {
    const { page } = await world.open();
    await world.signIn(page, LOGINS.mirai);
    await page.getByRole("link", { name: "受電報告", exact: true }).click();
    await expect.poll(() => page.getByTestId("report-row").count()).toBe(2);
    await page.getByLabel("検索語").fill("再発行");
    await expect.poll(() => page.getByTestId("report-row").count()).toBe(1);
    expect(await page.getByTestId("report-row").getAttribute("data-report-id")).toBe(formulaReport);
    expect(page.url()).toContain("q=%E5%86%8D%E7%99%BA%E8%A1%8C");
    await page.getByLabel("検索語").fill("さくら");
    await expect.poll(() => page.getByTestId("report-row").first().getAttribute("data-report-id")).toBe(otherReport);
    await page.getByLabel("検索語").fill("存在しない言葉");
    await expect.poll(() => page.getByTestId("no-results").count()).toBe(1);
  });

  it("exports the filtered reports as CSV: BOM, the columns, formulas neutralised", async () => {
    const { page } = await world.open();
    await world.signIn(page, LOGINS.mirai);
    await page.goto(`${world.server.url}/reports?urgent=1`);
    await expect.poll(() => page.getByTestId("report-row").count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-export-button").click()]);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const rows = text.split("\r\n").filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(
      ["受電日時", "お電話の方の会社名", "お電話の方のお名前", "折り返し先電話番号", "ご指名の方", "ご用件", "対応結果", "折り返し状況", "報告先", "報告先メールアドレス", "報告先の決め方", "識別番号（ID）"].map((h) => `"${h}"`).join(","),
    );
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""請求書"")"`);
    expect(rows[1]).toContain('"ご請求書の再発行について、至急ご連絡ください。\n二行目です。"');
    expect(rows[1]).toContain('"090-2222-3333"');
    expect(rows[1]).toContain(`"${formulaReport}"`);
    expect(await page.getByTestId("csv-done").textContent()).toContain("1 件");
  });

  it("refuses the CSV without a session", async () => {
    const response = await fetch(`${world.server.url}/reports.csv`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; text: { ja: string } } };
    expect(body.error.code).toBe("UNAUTHENTICATED");
  });

  it("shows the timeline: received, queued, delivered by the outbox, then opened and by whom", async () => {
    const delivered = await waitFor(() => world.mail.delivered.find((d) => d.mail.messageId?.includes(otherReport)), 10_000);
    expect(delivered).toBeTruthy();
    const { page } = await world.open();
    await world.signIn(page, LOGINS.mirai);
    await page.goto(`${world.server.url}/reports/${otherReport}`);
    const timeline = page.getByTestId("timeline");
    await expect.poll(() => timeline.locator("[data-step=delivered]").count()).toBe(1);
    const steps = await timeline.locator("[data-step]").evaluateAll((items) => items.map((i) => i.getAttribute("data-step")));
    expect(steps.slice(0, 3)).toEqual(["received", "queued", "delivered"]);
    await expect.poll(() => timeline.locator("[data-step=opened]").count()).toBe(1);
    expect(await timeline.locator("[data-step=opened]").textContent()).toContain("山田 太郎");
    // The mail exactly as sent.
    expect((await page.getByTestId("mail-body").textContent())?.trim()).toBe(delivered.mail.text?.trim());
  });
});
