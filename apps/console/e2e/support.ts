/**
 * What every browser test of the console shares: the real server (temp database, demo seed,
 * the console's built dist/ served at /console/), Debian's Chromium, and a signed-in page.
 */
import net from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { getCapturedMail } from "@uketsuke/db";
import { DEMO_PASSWORD, startTestServer, waitFor, type TestServer, type TestServerOptions } from "@uketsuke/server/testing";
import { launchBrowser } from "@uketsuke/web/testing";

export { DEMO_PASSWORD, HIKARI_NUMBER, LOGINS, MIRAI_NUMBER, waitFor } from "@uketsuke/server/testing";
export { runAxe, screenshot } from "@uketsuke/web/testing";

export type Locale = "ja" | "en";

export type Suite = { server: TestServer; browser: Browser; close(): Promise<void> };

export async function startSuite(options: TestServerOptions = {}): Promise<Suite> {
  const server = await startTestServer(options);
  try {
    const browser = await launchBrowser();
    return {
      server,
      browser,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** One server and one browser for a test file: started before its tests, closed after them. */
export function suiteForFile(): () => Suite {
  let suite: Suite | undefined;
  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(async () => {
    await suite?.close();
  });
  return () => {
    if (!suite) throw new Error("the suite has not started");
    return suite;
  };
}

/** A fresh browser profile (cookies, storage) at a desk-sized window, language chosen up front. */
export async function newConsoleContext(browser: Browser, locale: Locale = "ja"): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: locale === "ja" ? "ja-JP" : "en-GB", timezoneId: "Asia/Tokyo" });
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem("uketsuke.locale")) localStorage.setItem("uketsuke.locale", chosen);
  }, locale);
  return context;
}

const SIGN_IN = { ja: { email: "メールアドレス", password: "パスワード", submit: "ログイン" }, en: { email: "Email address", password: "Password", submit: "Sign in" } };

/** Signs in through the console's own form, as an operator would, and waits for the live queue. */
export async function signIn(page: Page, baseUrl: string, email: string, locale: Locale = "ja"): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  const words = SIGN_IN[locale];
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: words.submit, exact: true }).click();
  await page.locator("[data-live='live']").waitFor();
}

export async function openConsole(suite: Suite, email: string, locale: Locale = "ja", baseUrl = suite.server.url) {
  const context = await newConsoleContext(suite.browser, locale);
  const page = await context.newPage();
  await signIn(page, baseUrl, email, locale);
  return { context, page };
}

export const queueRow = (page: Page, callId: string) => page.locator(`li.queue-row[data-call-id="${callId}"]`);

/** The database id of a ringing call, by the provider's call id the test rang with. */
export async function callIdOf(server: TestServer, externalId: string): Promise<string> {
  const row = await waitFor(() => server.running.db.db.selectFrom("calls").select("id").where("externalId", "=", externalId).executeTakeFirst());
  return row.id;
}

export async function reportsOf(server: TestServer) {
  return server.running.db.db.selectFrom("reports").selectAll().orderBy("createdAt").execute();
}

/** The one captured mail of a report, with its body, once the outbox worker has delivered it. */
export async function capturedReport(server: TestServer, messageId: string) {
  const summary = await waitFor(async () => (await server.capturedMail()).find((m) => m.messageId === messageId));
  const mail = await getCapturedMail(server.running.db.db, summary.id);
  if (!mail) throw new Error(`captured mail ${summary.id} vanished`);
  return mail;
}

/**
 * A TCP relay between the browser and the server that the test can cut, like a network blip:
 * `cut()` drops every open connection (the SSE stream with them) and refuses new ones until
 * `restore()`.
 */
export async function startRelay(target: string): Promise<{ url: string; cut(): void; restore(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let refusing = false;
  const relay = net.createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}
