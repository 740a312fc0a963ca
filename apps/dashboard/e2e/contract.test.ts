/**
 * The contract page: the entity and answer name read-only with R10, open now and the next
 * opening (R9), and the requests the rules refuse answered where a client looks for them.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { LOGINS, startWorld, type World } from "./support/world.ts";

let world: World;

beforeAll(async () => {
  world = await startWorld(); // Tuesday 24 November 2026, 10:00 in Tokyo
});
afterAll(async () => {
  await world?.close();
});

it("shows the contract read-only, the hours now and next, and answers the refused requests with their rule", async () => {
  const { page } = await world.open();
  await world.signIn(page, LOGINS.mirai);
  await page.getByRole("link", { name: "ご契約内容" }).click();
  await expect.poll(() => page.getByTestId("legal-entity").textContent()).toBe("株式会社みらい建設");
  expect(await page.getByTestId("contract-entity").locator("input, textarea, select").count()).toBe(0);
  expect(await page.getByTestId("contract-entity").locator("[data-rule=R10]").count()).toBe(1);
  expect(await page.getByTestId("open-now").textContent()).toContain("ただいま営業中です（18:00まで）");
  expect(await page.getByTestId("next-opening").textContent()).toContain("2026年11月25日(水) 09:00");

  await page.getByTestId("forbidden-change_subject").getByRole("button").click();
  await expect.poll(() => page.getByTestId("forbidden-change_subject").locator("[data-rule=R1]").textContent()).toContain("受電報告メールの件名は変更できません");
  await page.getByTestId("forbidden-additional_legal_entity").getByRole("button").click();
  await expect.poll(() => page.getByTestId("forbidden-additional_legal_entity").locator("[data-rule=R10]").textContent()).toContain("1つのご契約でご利用いただけるのは1法人のみです");
  expect(await page.getByTestId("report-subject").textContent()).toBe("【受電報告】電話代行サービスからのご報告");
});
