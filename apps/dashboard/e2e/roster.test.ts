/**
 * Where reports go (R3, R7, and the owner's say over it): report addresses are checked as typed
 * — the agency's own domain and a members-only list refused with their explanations, an open
 * list accepted with its declaration; a member cannot change the roster, the owner can and is
 * mailed a notice; bad input shows the field error in the chosen language and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { trpcClient } from "@uketsuke/server/testing";
import { LOGINS, startWorld, waitFor, type World } from "./support/world.ts";

const MEMBER = { email: "member@mirai-kensetsu.example.com", password: "member-password-1" };
let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function openRosterForm(page: Page) {
  await page.goto(`${world.server.url}/roster`);
  await page.getByTestId("add-person").click();
  return page.getByTestId("roster-form");
}

describe("roster", () => {
  it("refuses an agency-domain address and a members-only list with their explanations, and accepts an open list", async () => {
    const { page } = await world.open();
    await world.signIn(page, LOGINS.mirai);
    const form = await openRosterForm(page);
    const check = form.getByTestId("address-check");

    await form.getByLabel("氏名", { exact: true }).fill("受付窓口");
    await form.getByLabel("報告先メールアドレス").fill("sato@uketsuke.example.jp");
    await expect.poll(() => check.locator("[data-rule=R3]").textContent()).toContain("当社ドメイン（@uketsuke.example.jp）のアドレスは報告先にできません");

    await form.getByLabel("報告先メールアドレス").fill("all@mirai-kensetsu.example.com");
    await form.getByLabel("メーリングリスト", { exact: true }).check();
    await form.getByLabel("メンバーのみ投稿できる", { exact: true }).check();
    await expect.poll(() => check.locator("[data-rule=R3]").textContent()).toContain("メンバー以外から投稿できないメーリングリストは報告先にできません");
    // Saving anyway changes nothing: the server applies the same rule.
    await form.getByRole("button", { name: "保存" }).click();
    expect(await page.getByTestId("roster-row").count()).toBe(3);

    await form.getByLabel("非メンバーも投稿できる", { exact: true }).check();
    await expect.poll(() => check.locator("[data-rule=R3]").textContent()).toContain("非メンバーからの投稿を受け付けるメーリングリストとして登録します");
    await form.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByTestId("roster-row").count()).toBe(4);
    expect(await page.getByTestId("roster-row").nth(3).textContent()).toContain("all@mirai-kensetsu.example.com");
  });

  it("the server refuses the same R3 cases through the API", async () => {
    const owner = await world.server.signIn(LOGINS.mirai);
    await expect(owner.trpc.roster.add.mutate({ name: "x", reportAddress: "x@uketsuke.example.jp", addressKind: "person" })).rejects.toMatchObject({ data: { code: "R3_AGENCY_DOMAIN_ADDRESS" } });
    await expect(owner.trpc.roster.add.mutate({ name: "x", reportAddress: "ml@mirai-kensetsu.example.com", addressKind: "list", listPolicy: "members_only" })).rejects.toMatchObject({ data: { code: "R3_MEMBERS_ONLY_LIST" } });
  });

  it("a member cannot change where reports go; the owner can, and the owner is mailed a notice", async () => {
    const owner = await world.server.signIn(LOGINS.mirai);
    // A new user is invited; the member sets their own password through the mailed link.
    await owner.trpc.users.add.mutate({ email: MEMBER.email, displayName: "鈴木 一郎", clientRole: "member" });
    const invitation = await waitFor(() => world.mail.delivered.find((d) => d.to.includes(MEMBER.email)), 10_000);
    const token = /\/invite\/([\w-]{43})/.exec(invitation.mail.text ?? "")?.[1] ?? "";
    await trpcClient(world.server.url).invitations.accept.mutate({ token, password: MEMBER.password });

    const { page } = await world.open();
    await world.signIn(page, MEMBER.email, MEMBER.password);
    await page.goto(`${world.server.url}/roster`);
    await expect.poll(() => page.getByTestId("roster-row").count()).toBe(4);
    expect(await page.getByTestId("owner-only").count()).toBe(1);
    expect(await page.getByTestId("drag-handle").count()).toBe(0);
    expect(await page.getByTestId("add-person").count()).toBe(0);
    // Nor through the API, whatever the browser shows.
    const member = await world.server.signIn(MEMBER.email, MEMBER.password);
    const roster = await member.trpc.roster.list.query();
    await expect(member.trpc.roster.add.mutate({ name: "attacker", reportAddress: "attacker@evil.example", addressKind: "person" })).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(member.trpc.roster.reorder.mutate({ orderedIds: [...roster.map((m) => m.id)].reverse() })).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect((await owner.trpc.roster.list.query()).map((m) => m.id)).toEqual(roster.map((m) => m.id));

    // The owner edits a report address in the browser: saved, and a notice is mailed.
    const notices = () => world.mail.delivered.filter((d) => d.to.includes(LOGINS.mirai) && d.mail.text?.includes("【報告先の変更のお知らせ】"));
    const before = notices().length;
    const { page: ownerPage } = await world.open();
    await world.signIn(ownerPage, LOGINS.mirai);
    await ownerPage.goto(`${world.server.url}/roster`);
    await ownerPage.getByRole("button", { name: "高橋 由美を編集" }).click();
    const form = ownerPage.getByTestId("roster-form");
    await form.getByLabel("報告先メールアドレス").fill("y.takahashi@mirai-kensetsu.example.com");
    await form.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => ownerPage.getByTestId("roster-row").nth(1).textContent()).toContain("y.takahashi@mirai-kensetsu.example.com");
    const notice = await waitFor(() => (notices().length > before ? notices().at(-1) : undefined), 10_000);
    expect(notice.mail.text).toContain("報告先が変更されました");
    expect(notice.mail.text).toContain("y.takahashi@mirai-kensetsu.example.com");
  });

  it("bad input shows the field error in English when English is chosen, and changes nothing", async () => {
    const { page } = await world.open({ locale: "en" });
    await world.signIn(page, LOGINS.mirai);
    await page.goto(`${world.server.url}/roster`);
    await expect.poll(() => page.getByTestId("roster-row").count()).toBe(4);
    await page.getByTestId("add-person").click();
    const form = page.getByTestId("roster-form");
    await form.getByLabel("Report address").fill("not an address");
    await form.getByLabel("Reading (kana)").fill("Yamada");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => form.locator("[data-field-error=name]").count()).toBe(1);
    expect(await form.locator("[data-field-error=name]").textContent()).toMatch(/required/i);
    expect(await form.locator("[data-field-error=reportAddress]").textContent()).toMatch(/not a valid email address/i);
    expect(await form.locator("[data-field-error=nameKana]").textContent()).toMatch(/hiragana or katakana/i);
    expect(await form.getByLabel("Report address").getAttribute("aria-invalid")).toBe("true");
    await page.reload();
    await expect.poll(() => page.getByTestId("roster-row").count()).toBe(4);
  });
});
