/**
 * The supervisor's desk in Debian's Chromium against the real server: a contract and its owner
 * created, a second legal entity refused with R10's explanation, a ring to the new number in the
 * queue, an operator with a taken mailbox refused, bad input refused in the chosen language with
 * nothing changed, and each change in the audit log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { enumLabel, fieldLabel, message } from "@uketsuke/domain";
import { deskSection, expectAccessible, openDesk, screenshot } from "./admin-support.ts";
import { trpcClient } from "@uketsuke/server/testing";
import { callIdOf, MIRAI_NUMBER, queueRow, suiteForFile, waitFor, type Locale } from "./support.ts";

const suite = suiteForFile();

const db = () => suite().server.running.db.db;
const fieldError = (page: Page, path: string) => page.locator(`[data-field-error="${path}"]`);
const counts = async () => ({
  contracts: (await db().selectFrom("contracts").select("id").execute()).length,
  users: (await db().selectFrom("users").select("id").execute()).length,
  numbers: (await db().selectFrom("contract_numbers").select("number").execute()).length,
});

const NEW_NUMBER = "+81355550101";
const words = {
  ja: { newContract: "新しいご契約", register: "登録する", addEntity: "別の法人を追加", invite: "招待する", addNumber: "番号を追加", addStaff: "登録する" },
  en: { newContract: "New contract", register: "Register", addEntity: "Add another legal entity", invite: "Invite", addNumber: "Add a number", addStaff: "Add" },
} as const;

describe("contracts, staff and the audit log", () => {
  let page: Page;
  let contractId = "";

  beforeAll(async () => {
    ({ page } = await openDesk(suite(), "ja"));
    await page.getByRole("link", { name: "管理者デスク" }).click();
    await page.getByRole("heading", { name: "ご契約", level: 1 }).waitFor();
  });

  it("lists the contracts, searchable by kana-folded name and number", async () => {
    await expectAccessible(page, "contracts");
    await page.getByLabel("ご契約を検索").fill("03-1234-5678");
    await waitFor(async () => (await page.locator("tr[data-contract-id]").count()) === 1);
    expect(await page.locator("tr[data-contract-id] th").textContent()).toBe("株式会社みらい建設");
    await page.getByLabel("ご契約を検索").fill("");
  });

  it("refuses bad input with the field errors in Japanese, and creates nothing", async () => {
    const before = await counts();
    await page.getByRole("link", { name: words.ja.newContract }).click();
    await page.getByRole("textbox", { name: fieldLabel("answerName").ja }).fill("  ");
    await page.getByRole("textbox", { name: `${fieldLabel("number").ja} 1` }).fill("12");
    await page.getByRole("button", { name: words.ja.register }).click();
    await fieldError(page, "legalEntityName").waitFor();
    expect(await fieldError(page, "legalEntityName").textContent()).toBe(message("FIELD_REQUIRED").ja);
    expect(await fieldError(page, "answerName").textContent()).toBe(message("FIELD_REQUIRED").ja);
    expect(await fieldError(page, "numbers.0").textContent()).toBe(message("FIELD_PHONE_INVALID").ja);
    expect(await page.getByRole("textbox", { name: fieldLabel("legalEntityName").ja }).getAttribute("aria-invalid")).toBe("true");
    expect(await counts()).toEqual(before);
  });

  it("refuses a second legal entity with R10's explanation where it was asked for", async () => {
    await page.getByRole("button", { name: words.ja.addEntity }).click();
    const refusal = page.locator('[data-refusal="legalEntityName"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(message("R10_ONE_LEGAL_ENTITY").ja);
    expect(await refusal.locator("[data-rule]").getAttribute("data-rule")).toBe("R10");
    expect(await page.getByRole("textbox", { name: fieldLabel("legalEntityName").ja }).getAttribute("aria-describedby")).toBe(
      await refusal.getAttribute("id"),
    );
    await expectAccessible(page, "the contract form, with R10's refusal");
    await screenshot(page, "admin-contract-form-r10-ja");
  });

  it("creates a contract, then invites its owner", async () => {
    const before = await counts();
    await page.getByRole("textbox", { name: fieldLabel("legalEntityName").ja }).fill("株式会社あさひ物流");
    await page.getByRole("textbox", { name: fieldLabel("answerName").ja }).fill("あさひ物流");
    await page.getByRole("textbox", { name: `${fieldLabel("number").ja} 1` }).fill("03-5555-0101");
    await page.getByRole("textbox", { name: fieldLabel("script").ja }).fill("配送のお問い合わせは伝票番号を伺ってください。");
    await screenshot(page, "admin-contract-form-ja");
    await page.getByRole("button", { name: words.ja.register }).click();
    await page.getByRole("heading", { name: "ご契約：株式会社あさひ物流" }).waitFor();
    const contract = await db().selectFrom("contracts").selectAll().where("legalEntityName", "=", "株式会社あさひ物流").executeTakeFirstOrThrow();
    contractId = contract.id;
    expect(contract).toMatchObject({ answerName: "あさひ物流", status: "active" });
    expect(await db().selectFrom("contract_numbers").select("number").where("contractId", "=", contractId).execute()).toEqual([{ number: NEW_NUMBER }]);
    expect(await counts()).toEqual({ ...before, contracts: before.contracts + 1, numbers: before.numbers + 1 });

    await page.getByRole("heading", { name: "代表者を招待" }).waitFor();
    await page.getByRole("textbox", { name: fieldLabel("displayName").ja }).fill("朝日 太郎");
    await page.getByRole("textbox", { name: fieldLabel("email").ja }).fill("owner@asahi-butsuryu.example.com");
    // No password: the owner sets their own through the invitation mail (issue 7).
    expect(await page.getByRole("textbox", { name: "初期パスワード" }).count()).toBe(0);
    await page.getByRole("button", { name: words.ja.invite }).click();
    const pending = page.locator("li[data-invitation-id]", { hasText: "owner@asahi-butsuryu.example.com" });
    await pending.waitFor();
    expect(await pending.textContent()).toContain(enumLabel("invitationStatus", "pending").ja);
    expect(await counts()).toEqual({ ...before, contracts: before.contracts + 1, numbers: before.numbers + 1 });
    // The owner opens the mailed link, sets a password, and can then sign in to the dashboard.
    const mail = await waitFor(() => db().selectFrom("outbox").select("bodyText").where("kind", "=", "invitation").where("toAddresses", "=", JSON.stringify(["owner@asahi-butsuryu.example.com"])).executeTakeFirst());
    const token = /\/invite\/([\w-]{43})/.exec(mail.bodyText)?.[1] ?? "";
    await trpcClient(suite().server.url).invitations.accept.mutate({ token, password: "asahi-own-password" });
    const owner = await db().selectFrom("users").selectAll().where("email", "=", "owner@asahi-butsuryu.example.com").executeTakeFirstOrThrow();
    expect(owner).toMatchObject({ role: "client", clientRole: "owner", contractId, displayName: "朝日 太郎" });
    await expect(suite().server.signIn("owner@asahi-butsuryu.example.com", "asahi-own-password")).resolves.toMatchObject({ userId: owner.id });
    await page.reload();
    await page.locator(`li[data-user-id="${owner.id}"]`).waitFor();
    expect(await page.locator(`li[data-user-id="${owner.id}"]`).textContent()).toContain(enumLabel("clientRole", "owner").ja);
    expect(await page.locator("li[data-invitation-id]").count()).toBe(0);
    await expectAccessible(page, "the contract page");
  });

  it("refuses a number another contract answers on, at the number field", async () => {
    const before = await counts();
    await page.getByRole("textbox", { name: fieldLabel("number").ja, exact: true }).fill("03-1234-5678");
    await page.getByRole("button", { name: words.ja.addNumber }).click();
    await fieldError(page, "number").waitFor();
    expect(await fieldError(page, "number").textContent()).toBe(message("NUMBER_TAKEN").ja);
    expect(await counts()).toEqual(before);
    expect((await db().selectFrom("contract_numbers").select("contractId").where("number", "=", MIRAI_NUMBER).executeTakeFirstOrThrow()).contractId).not.toBe(contractId);
  });

  it("puts a ring to the new contract's number in the queue, in its answer name", async () => {
    await suite().server.ring({ callId: "asahi-first-call", to: NEW_NUMBER, from: "090-1111-2222" });
    const callId = await callIdOf(suite().server, "asahi-first-call");
    const row = queueRow(page, callId);
    await row.waitFor();
    expect(await row.textContent()).toContain("あさひ物流");
  });

  it("refuses an operator with a taken or malformed mailbox, at the mailbox field, and adds no one", async () => {
    await deskSection(page, "スタッフ");
    await page.getByRole("heading", { name: "スタッフ", level: 1 }).waitFor();
    await expectAccessible(page, "staff");
    const before = await counts();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "スタッフの登録" }) });
    await form.getByRole("textbox", { name: fieldLabel("displayName").ja }).fill("新人 次郎");
    await form.getByRole("textbox", { name: fieldLabel("email").ja }).fill("jiro@uketsuke.example.jp");
    await form.getByRole("textbox", { name: fieldLabel("mailbox").ja }).fill("Jiro!");
    await form.getByRole("button", { name: words.ja.addStaff }).click();
    await fieldError(page, "mailbox").waitFor();
    expect(await fieldError(page, "mailbox").textContent()).toBe(message("R2_MAILBOX_INVALID").ja);

    await form.getByRole("textbox", { name: fieldLabel("mailbox").ja }).fill("sato");
    await form.getByRole("button", { name: words.ja.addStaff }).click();
    await waitFor(async () => (await fieldError(page, "mailbox").textContent()) === message("MAILBOX_TAKEN").ja);
    expect(await counts()).toEqual(before);

    // A free mailbox: an invitation, pending in the list; the person is no user until they accept.
    await form.getByRole("textbox", { name: fieldLabel("mailbox").ja }).fill("jiro");
    await form.getByRole("button", { name: words.ja.addStaff }).click();
    const pending = page.locator("li[data-invitation-id]", { hasText: "jiro@uketsuke.example.jp" });
    await pending.waitFor();
    expect(await pending.textContent()).toContain(enumLabel("invitationStatus", "pending").ja);
    // Its sender address is its sign-in address here: shown once, not twice.
    expect((await pending.textContent())?.split("jiro@uketsuke.example.jp")).toHaveLength(2);
    expect(await counts()).toEqual(before);
    await expectAccessible(page, "staff with an invitation");
    await screenshot(page, "admin-staff-ja");
    const { page: english } = await openDesk(suite(), "en");
    await english.getByRole("link", { name: "Supervisor's desk" }).click();
    await deskSection(english, "Staff");
    await english.locator("li[data-invitation-id]", { hasText: "jiro@uketsuke.example.jp" }).waitFor();
    await screenshot(english, "admin-staff-en");
  });

  it("shows each change in the audit log: who, what, which contract", async () => {
    await deskSection(page, "操作履歴");
    await page.getByRole("heading", { name: "操作履歴", level: 1 }).waitFor();
    await page.locator("tr[data-action]").first().waitFor();
    const rows = async (action: string) => page.locator(`tr[data-action="${action}"]`).allTextContents();
    expect(await rows("contract.create")).toEqual([expect.stringContaining("管理 花子")]);
    expect((await rows("contract.create"))[0]).toContain("あさひ物流");
    expect(await rows("invitation.create")).toEqual(expect.arrayContaining([expect.stringContaining("owner@asahi-butsuryu.example.com"), expect.stringContaining("jiro@uketsuke.example.jp")]));
    // Refused changes changed nothing, so nothing of them is in the log.
    expect(await rows("contract.add_number")).toEqual([]);
    expect(await rows("staff.create")).toEqual([]);

    // The owner's invitation and its acceptance, and the operator's invitation.
    await page.getByLabel("操作", { exact: true }).selectOption("invitation");
    await page.getByRole("button", { name: "絞り込む" }).click();
    await waitFor(async () => (await page.locator("tr[data-action]").count()) === 3);
    await expectAccessible(page, "audit log");
  });
});

describe("in English", () => {
  const locale: Locale = "en";
  it("shows the contract form's field errors in English and creates nothing", async () => {
    const { context, page } = await openDesk(suite(), locale);
    await page.goto(`${suite().server.url}/console/supervisor/contracts/new`);
    const before = await counts();
    await page.getByRole("button", { name: words.en.register }).click();
    await fieldError(page, "legalEntityName").waitFor();
    expect(await fieldError(page, "legalEntityName").textContent()).toBe(message("FIELD_REQUIRED").en);
    await page.getByRole("button", { name: words.en.addEntity }).click();
    const refusal = page.locator('[data-refusal="legalEntityName"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(message("R10_ONE_LEGAL_ENTITY").en);
    await page.getByRole("textbox", { name: fieldLabel("legalEntityName").en }).fill("Asahi Logistics K.K.");
    await page.getByRole("textbox", { name: fieldLabel("answerName").en }).fill("Asahi Logistics");
    await page.getByRole("textbox", { name: `${fieldLabel("number").en} 1` }).fill("03-5555-0202");
    await screenshot(page, "admin-contract-form-en");
    expect(await counts()).toEqual(before);
    await context.close();
  });
});
