/**
 * Every main page at a desk and on a phone, in Japanese and English: axe-core finds no serious
 * or critical violation, and a screenshot of each goes to screenshots/ (git-ignored) for a
 * person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAxe, screenshot } from "@uketsuke/web/testing";
import { DESKTOP, LOGINS, PHONE, startWorld, takeCall, waitFor, type World } from "./support/world.ts";

let world: World;
let detailId = "";

beforeAll(async () => {
  world = await startWorld();
  const calls = [
    { callerCompany: "株式会社テスト工務店", callerName: "木村", callbackNumber: "03-5555-1234", requestedPerson: "高橋さん", message: "外壁工事の見積もりの件で、本日中にお電話をいただきたいとのことです。", callbackRequested: true },
    { callerCompany: "有限会社さくら設計", callerName: "佐々木", message: "図面の確認をお願いします。来週の打ち合わせ日程について改めてご連絡くださるそうです。" },
    { callerName: "近藤", callbackNumber: "090-1111-2222", message: "以前ご相談した件で、折り返しをお願いします。", callbackRequested: true },
  ];
  for (const call of calls) detailId = (await takeCall(world.server, call)).reportId;
  await waitFor(() => world.mail.delivered.some((d) => d.mail.messageId?.includes(detailId)), 10_000);
});
afterAll(async () => {
  await world?.close();
});

const PAGES = [
  { name: "home", path: "/", ready: "[data-testid=open-callbacks] [data-testid=callback]", axe: true },
  { name: "reports", path: "/reports", ready: "[data-testid=report-row]", axe: true },
  { name: "report-detail", path: () => `/reports/${detailId}`, ready: "[data-testid=timeline] [data-step=opened]", axe: false },
  { name: "roster", path: "/roster", ready: "[data-testid=roster-row]", axe: true },
  { name: "contract", path: "/contract", ready: "[data-testid=mail-guide]", axe: true },
  { name: "wrong-numbers", path: "/wrong-numbers", ready: "[data-testid=wrong-number]", axe: false },
  { name: "rules", path: "/rules", ready: "[data-testid=rule-page]", axe: false },
  { name: "figures", path: "/figures", ready: ".bar-chart canvas", axe: false },
  { name: "users", path: "/users", ready: "[data-testid=users] li", axe: false },
] as const;

describe.each([
  { locale: "ja", size: "desktop", viewport: DESKTOP },
  { locale: "ja", size: "phone", viewport: PHONE },
  { locale: "en", size: "desktop", viewport: DESKTOP },
  { locale: "en", size: "phone", viewport: PHONE },
] as const)("$locale at $size", ({ locale, size, viewport }) => {
  it("has no serious accessibility violation and is photographed", async () => {
    const { page } = await world.open({ locale, viewport, forAxe: true });
    await world.signIn(page, LOGINS.mirai);
    for (const p of PAGES) {
      await page.goto(`${world.server.url}${typeof p.path === "function" ? p.path() : p.path}`);
      await page.locator(p.ready).first().waitFor({ timeout: 10_000 });
      // Nothing wider than the screen: a phone never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${p.name} overflows sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
      if (p.axe) {
        const violations = await runAxe(page);
        expect(violations, `${p.name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
      await screenshot(page, `${p.name}-${size}-${locale}`);
    }
  });
});
