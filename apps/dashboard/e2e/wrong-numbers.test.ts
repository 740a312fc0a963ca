/**
 * The wrong-number registry (R6): the page says what the operator does with such a call; a
 * number that is not a phone number is refused at its line, a good entry is saved and listed.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { LOGINS, startWorld, type World } from "./support/world.ts";

let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

it("registers a look-alike company, refusing a bad number at its line first", async () => {
  const { page } = await world.open();
  await world.signIn(page, LOGINS.mirai);
  await page.getByRole("link", { name: "間違い電話の登録" }).click();
  await expect.poll(() => page.locator("[data-rule=R6]").textContent()).toContain("オペレーターが間違い電話と判断できればその場でお伝えし");
  await expect.poll(() => page.getByTestId("wrong-number").count()).toBe(1);

  await page.getByTestId("add-wrong-number").click();
  const form = page.getByTestId("wrong-number-form");
  await form.getByLabel("間違われる会社名").fill("株式会社ミライ住建");
  await form.getByLabel("電話番号").fill("03-9999-8888\n12345");
  await form.getByRole("button", { name: "保存" }).click();
  await expect.poll(() => form.locator("[data-field-error='numbers.1']").textContent()).toBe("12345: 電話番号の形式が正しくありません。");
  expect(await page.getByTestId("wrong-number").count()).toBe(1);

  await form.getByLabel("電話番号").fill("03-9999-8888\n０３（９９９９）７７７７");
  await form.getByLabel("よくある間違い電話の内容").fill("住宅リフォームのお見積り依頼");
  await form.getByRole("button", { name: "保存" }).click();
  await expect.poll(() => page.getByTestId("wrong-number").count()).toBe(2);
  expect(await page.getByTestId("wrong-number").filter({ hasText: "株式会社ミライ住建" }).textContent()).toContain("03-9999-8888 / 03-9999-7777");
});
