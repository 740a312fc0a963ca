/**
 * What the supervisor's-desk browser tests share besides e2e/support.ts: a desk page signed in as
 * the demo supervisor, a local SMTP server whose answer the test decides, and the axe check.
 */
import type { Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { expect } from "vitest";
import { LOGINS, openConsole, runAxe, screenshot, type Locale, type Suite } from "./support.ts";

export async function openDesk(suite: Suite, locale: Locale = "ja") {
  const opened = await openConsole(suite, LOGINS.supervisor, locale);
  return opened;
}

/** Goes to a section of the desk through its own menu, as a supervisor would. */
export async function deskSection(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("navigation", { name: /管理者デスクのメニュー|Supervisor's desk menu/ }).getByRole("link", { name }).click();
}

/** No serious or critical axe violation on the page as it stands; the violations are printed when there are. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

export { screenshot };

export type SmtpAnswer = "refuse" | "accept";

/** A mail server in the test's process: it refuses every message with 550 until told to accept. */
export async function startSmtpServer(): Promise<{ url: string; received: string[]; answer(next: SmtpAnswer): void; close(): Promise<void> }> {
  let answer: SmtpAnswer = "refuse";
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (answer === "refuse") {
          const refusal = Object.assign(new Error("5.1.1 Mailbox unavailable (test)"), { responseCode: 550 });
          callback(refusal);
          return;
        }
        received.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    answer: (next) => {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
