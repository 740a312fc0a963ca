/**
 * Invitations in Debian's Chromium (issue 7): the owner invites someone on the users page with no
 * password, sees the invitation pending, the mail is captured (no SMTP configured), and the link
 * in it opens the accept page on a phone, where the invitee sets a password and lands signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVITATION_SUBJECT, message } from "@uketsuke/domain";
import { runAxe, screenshot } from "@uketsuke/web/testing";
import { DESKTOP, LOGINS, startWorld, waitFor, type World } from "./support/world.ts";

/** The phone the brief asks for: an iPhone-sized 390 px. */
const PHONE_390 = { width: 390, height: 844 } as const;
const INVITEE = { email: "kimura@mirai-kensetsu.example.com", name: "木村 さくら", password: "sakura-no-password" };

let world: World;

beforeAll(async () => {
  // No SMTP: the outbox captures the mail in the database, as on a fresh install.
  world = await startWorld({ env: { SMTP_URL: undefined } });
});
afterAll(async () => {
  await world?.close();
});

/** The newest captured mail to an address, with its body read back as the supervisor's desk does. */
async function capturedTo(email: string) {
  const summary = await waitFor(async () => (await world.server.capturedMail()).find((m) => m.toAddresses.includes(email)), 10_000);
  const supervisor = await world.server.signIn(LOGINS.supervisor);
  return supervisor.trpc.admin.mail.capturedItem.query({ id: summary.id });
}

describe("inviting a user from the dashboard", () => {
  let link = "";

  it("the owner invites without a password and sees the invitation pending", async () => {
    const { page } = await world.open({ locale: "ja", viewport: DESKTOP, forAxe: true });
    await world.signIn(page, LOGINS.mirai);
    await page.goto(`${world.server.url}/users`);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "ユーザーを追加" }) });
    expect(await form.locator("input[type=password]").count()).toBe(0);
    // Bad input first: the field says why, in Japanese, and nothing is sent.
    await form.getByLabel("メールアドレス").fill("not-an-address");
    await form.getByRole("button", { name: "ユーザーを追加" }).click();
    await expect.poll(() => form.locator('[data-field-error="email"]').textContent()).toBe(message("FIELD_EMAIL_INVALID").ja);

    await form.getByLabel("表示名").fill(INVITEE.name);
    await form.getByLabel("メールアドレス").fill(INVITEE.email);
    await form.getByRole("button", { name: "ユーザーを追加" }).click();
    await expect.poll(() => page.getByRole("status").allTextContents()).toContainEqual(expect.stringContaining(`${INVITEE.email} に招待メールを送りました`));
    const pending = page.locator("[data-testid=invitations] li", { hasText: INVITEE.email });
    await pending.waitFor();
    expect(await pending.textContent()).toContain("招待中");
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, "invitations-users-ja");

    const { page: english } = await world.open({ locale: "en", viewport: DESKTOP });
    await world.signIn(english, LOGINS.mirai);
    await english.goto(`${world.server.url}/users`);
    await english.locator("[data-testid=invitations] li", { hasText: INVITEE.email }).waitFor();
    expect(await english.locator("[data-testid=invitations] li", { hasText: INVITEE.email }).textContent()).toContain("Invited");
    await screenshot(english, "invitations-users-en");
  });

  it("the captured mail carries the link, in the invitee's language", async () => {
    const mail = await capturedTo(INVITEE.email);
    expect(mail.subject).toBe(INVITATION_SUBJECT.ja);
    expect(mail.bodyText).toContain(`${INVITEE.name} 様`);
    link = /https?:\/\/\S+\/invite\/[\w-]{43}/.exec(mail.bodyText)?.[0] ?? "";
    expect(link.startsWith(world.server.url)).toBe(true);
  });

  it("the link opens the accept page on a phone (ja and en), accessible", async () => {
    for (const locale of ["ja", "en"] as const) {
      const { page } = await world.open({ locale, viewport: PHONE_390, forAxe: true });
      await page.goto(link);
      await page.locator("#accept-password").waitFor();
      expect(await page.locator("main").textContent()).toContain(INVITEE.email);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await runAxe(page)).toEqual([]);
      await screenshot(page, `invitations-accept-phone-${locale}`);
    }
  });

  it("setting a password signs the invitee in; the link is then used up", async () => {
    const { page } = await world.open({ locale: "ja", viewport: PHONE_390 });
    await page.goto(link);
    await page.locator("#accept-password").fill("short");
    await page.getByRole("button", { name: "登録してログイン" }).click();
    await expect.poll(() => page.locator('[data-field-error="password"]').textContent()).toBe(message("FIELD_PASSWORD_WEAK").ja);
    await page.locator("#accept-password").fill(INVITEE.password);
    await page.getByRole("button", { name: "登録してログイン" }).click();
    await expect.poll(() => page.locator("[data-testid=open-callbacks]").count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(world.server.signIn(INVITEE.email, INVITEE.password)).resolves.toMatchObject({ userId: expect.any(String) });

    const { page: again } = await world.open({ locale: "ja", viewport: PHONE_390, forAxe: true });
    await again.goto(link);
    await expect.poll(() => again.getByRole("alert").first().textContent()).toContain(message("INVITATION_INVALID").ja);
    expect(await runAxe(again)).toEqual([]);
    await screenshot(again, "invitations-accept-used-ja");
  });
});
