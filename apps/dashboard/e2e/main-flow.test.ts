/**
 * The main flow, in a real browser against the real server: the owner reorders the roster
 * (mouse drag and keyboard), a call that names no one arrives through the telephony webhook and
 * the operator API, goes to the new top person by mail and appears on the home page with no
 * reload; its callback waits with its age, is marked done, and no reminder follows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGINS, startWorld, takeCall, waitFor, type World } from "./support/world.ts";

const AGENCY = "uketsuke.example.jp";
let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const reportMail = (reportId: string) => world.mail.delivered.find((d) => d.mail.messageId === `<report.${reportId}@${AGENCY}>`);
const remindersOf = (callbackId: string) => world.mail.delivered.filter((d) => d.mail.messageId?.startsWith(`<reminder.${callbackId}.`));

describe("sign in → reorder → a call naming no one → home, live → callback done", () => {
  let reportId = "";
  let callbackId = "";

  it("reorders the roster by drag and by keyboard; a call naming no one is mailed to the new top person and shows on home without a reload", async () => {
    const { page } = await world.open();
    await world.signIn(page, LOGINS.mirai);
    await page.getByRole("link", { name: "報告先名簿" }).click();
    const rowAt = (position: number) => page.locator(`[data-testid=roster-row][data-position="${position}"]`);
    const nameAt = (position: number) => rowAt(position).locator(".roster-row__name strong").textContent();
    await expect.poll(() => nameAt(1)).toBe("山田 太郎");
    expect(await rowAt(1).getByTestId("default-recipient").count()).toBe(1);

    // Drag: 営業部 (3) onto 高橋 (2) with the mouse.
    const from = await rowAt(3).getByTestId("drag-handle").boundingBox();
    const to = await rowAt(2).getByTestId("drag-handle").boundingBox();
    if (!from || !to) throw new Error("handles not laid out");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => nameAt(2)).toBe("営業部");

    // Keyboard: 高橋 (now 3) up two places to the top.
    // dnd-kit measures between key presses; a person's pace, not a script's burst.
    await rowAt(3).getByTestId("drag-handle").focus();
    for (const key of ["Space", "ArrowUp", "ArrowUp", "Space"]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
    }
    await expect.poll(() => nameAt(1)).toBe("高橋 由美");
    expect(await rowAt(1).getByTestId("default-recipient").count()).toBe(1);

    // The server has the new order (a reload shows it), and the owner was told.
    await page.reload();
    await expect.poll(() => nameAt(1)).toBe("高橋 由美");
    await waitFor(() => world.mail.delivered.some((d) => d.to.includes(LOGINS.mirai) && d.mail.text?.includes("報告先の順番が変更されました")), 10_000);

    await page.getByRole("link", { name: "ホーム" }).click();
    await expect.poll(() => page.locator("[data-live=live]").count()).toBe(1);
    const saved = await takeCall(world.server, {
      callerCompany: "株式会社テスト工務店",
      callerName: "木村",
      callbackNumber: "03-5555-1234",
      message: "外壁工事の見積もりの件でお電話しました。",
      callbackRequested: true,
    });
    reportId = saved.reportId;

    // Live over SSE: no reload.
    const row = page.locator(`[data-testid=newest-reports] [data-report-id="${reportId}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain("株式会社テスト工務店 木村 様");
    expect(await row.textContent()).toContain("高橋 由美");

    const mail = await waitFor(() => reportMail(reportId), 10_000);
    expect(mail.to).toEqual(["takahashi@mirai-kensetsu.example.com"]);
    expect(mail.mail.text).toContain("ご指名なし");
  });

  it("lists the waiting callback with its age; marked done it disappears and no reminder goes out after", async () => {
    const { page } = await world.open();
    await world.signIn(page, LOGINS.mirai);
    const callback = page.locator("[data-testid=open-callbacks] [data-testid=callback]").filter({ hasText: "株式会社テスト工務店" });
    await expect.poll(() => callback.count()).toBe(1);
    callbackId = (await callback.getAttribute("data-callback-id")) ?? "";
    expect(await callback.getByTestId("callback-age").textContent()).toMatch(/^\d+分 経過$/);

    // Forty minutes on, the first reminder is due: the reminders do run.
    world.server.clock.advance(40 * 60_000);
    await world.server.running.reminders.runOnce();
    await waitFor(() => remindersOf(callbackId).length === 1, 10_000);
    await page.reload();
    await expect.poll(() => callback.getByTestId("callback-age").textContent()).toMatch(/^4\d分 経過$/);
    expect(await callback.getAttribute("class")).toContain("callback--waiting");

    await callback.getByTestId("mark-done").click();
    await expect.poll(() => callback.count()).toBe(0);
    expect(await page.getByTestId("no-callbacks").count()).toBe(1);

    // Hours later, with the reminder check run again: nothing more for this callback.
    world.server.clock.advance(3 * 60 * 60_000);
    expect(await world.server.running.reminders.runOnce()).toBe(0);
    await world.server.running.outbox.runOnce();
    expect(remindersOf(callbackId)).toHaveLength(1);

    // The report says who marked it done.
    await page.goto(`${world.server.url}/reports/${reportId}`);
    await expect.poll(() => page.getByTestId("callback-done-by").textContent()).toContain("山田 太郎");
  });
});
