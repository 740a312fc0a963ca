/**
 * One test file's world: the real server (the server package's harness: temp SQLite with the
 * demo seed, a movable clock, signed webhooks) serving the built dashboard, a real SMTP server
 * for its outbox, and Debian's Chromium. Pages sign in through the sign-in form like a person.
 */
import { launchBrowser } from "@uketsuke/web/testing";
import { DEMO_PASSWORD, LOGINS, startTestServer, waitFor, type TestServer, type TestServerOptions } from "@uketsuke/server/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { startMailSink, type MailSink } from "./mail-sink.ts";

export { DEMO_PASSWORD, LOGINS, waitFor };

export const DESKTOP = { width: 1280, height: 860 } as const;
/** An ordinary phone held upright: every page must work at this width. */
export const PHONE = { width: 375, height: 740 } as const;

export type World = {
  server: TestServer;
  mail: MailSink;
  browser: Browser;
  /** A fresh browser profile (no cookies), in a language and at a size. */
  open(options?: { locale?: "ja" | "en"; viewport?: { width: number; height: number }; forAxe?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Opens the app and signs in through the form; ends on the home page. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  close(): Promise<void>;
};

export async function startWorld(options: TestServerOptions = {}): Promise<World> {
  const mail = await startMailSink();
  const server = await startTestServer({ ...options, env: { SMTP_URL: mail.url, ...options.env } });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    mail,
    browser,
    async open({ locale = "ja", viewport = DESKTOP, forAxe = false } = {}) {
      // axe-core goes into the page as an inline script, which the app's CSP forbids: only the
      // accessibility pass lifts the CSP; every other test runs under it.
      const context = await browser.newContext({ viewport, locale: locale === "ja" ? "ja-JP" : "en-GB", timezoneId: "Asia/Tokyo", acceptDownloads: true, bypassCSP: forAxe });
      contexts.push(context);
      // The language choice is remembered per browser; start each profile in the one asked for.
      await context.addInitScript((chosen) => localStorage.setItem("uketsuke.locale", chosen), locale);
      const page = await context.newPage();
      page.on("pageerror", (error) => console.error("[page error]", error));
      return { context, page };
    },
    async signIn(page, email, password = DEMO_PASSWORD) {
      await page.goto(server.url);
      await page.locator("#sign-in-email").fill(email);
      await page.locator("#sign-in-password").fill(password);
      await page.locator("form.sign-in button[type=submit]").click();
      await expect.poll(() => page.locator("[data-testid=open-callbacks]").count(), { timeout: 10_000 }).toBe(1);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await mail.close();
    },
  };
}

export type SavedMessage = { callId: string; reportId: string };

/**
 * A call as it really arrives: a signed ring webhook for the contract's number, an operator
 * claims it through the operator API and saves what the caller said.
 */
export async function takeCall(
  server: TestServer,
  message: { callerCompany?: string; callerName?: string; callbackNumber?: string; requestedPerson?: string; message: string; callbackRequested?: boolean },
  options: { to?: string; operator?: string } = {},
): Promise<SavedMessage> {
  const rang = await server.ring(options.to ? { to: options.to } : {});
  expect(rang.status).toBe(200);
  const operator = await server.signIn(options.operator ?? LOGINS.operator);
  const queue = await operator.trpc.calls.queue.query();
  const call = queue.find((c) => c.externalId === rang.callId);
  if (!call) throw new Error(`call ${rang.callId} is not in the queue`);
  await operator.trpc.calls.claim.mutate({ id: call.id });
  const saved = await operator.trpc.calls.saveMessage.mutate({ callId: call.id, ...message });
  return { callId: call.id, reportId: saved.reportId };
}
