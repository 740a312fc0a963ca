/**
 * Tenancy in the browser: a user of one contract who types another contract's report address
 * sees "not found", and nothing of that report reaches the page or the network.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { HIKARI_NUMBER } from "@uketsuke/server/testing";
import { LOGINS, startWorld, takeCall, type World } from "./support/world.ts";

let world: World;
let hikariReport = "";
const SECRET = "相手方の代理人から和解案について";

beforeAll(async () => {
  world = await startWorld();
  ({ reportId: hikariReport } = await takeCall(world.server, { callerCompany: "山本法律事務所", callerName: "山本", message: SECRET }, { to: HIKARI_NUMBER }));
});
afterAll(async () => {
  await world?.close();
});

it("a user of contract X who types contract Y's report URL sees not-found and no data", async () => {
  const { page } = await world.open();
  const bodies: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/trpc/")) void response.text().then((text) => bodies.push(text)).catch(() => undefined);
  });
  await world.signIn(page, LOGINS.mirai);
  await page.goto(`${world.server.url}/reports/${hikariReport}`);
  await expect.poll(() => page.getByTestId("not-found").count()).toBe(1);
  const html = await page.content();
  expect(html).not.toContain(SECRET);
  expect(html).not.toContain("山本法律事務所");
  expect(bodies.join("\n")).not.toContain(SECRET);
  expect(bodies.join("\n")).not.toContain("山本法律事務所");

  // The owner of Y sees it.
  const { page: hikari } = await world.open();
  await world.signIn(hikari, LOGINS.hikari);
  await hikari.goto(`${world.server.url}/reports/${hikariReport}`);
  await expect.poll(() => hikari.getByTestId("mail-body").textContent()).toContain(SECRET);

  // Signing out leaves the sign-in form and nothing of the contract on the page.
  await hikari.getByRole("button", { name: "ログアウト" }).click();
  await expect.poll(() => hikari.locator("#sign-in-email").count()).toBe(1);
  expect(await hikari.content()).not.toContain(SECRET);
  await hikari.goto(`${world.server.url}/reports/${hikariReport}`);
  await expect.poll(() => hikari.locator("#sign-in-email").count()).toBe(1);
});
