/**
 * Browser-test helpers for both apps (Node only): Debian's Chromium through playwright-core,
 * axe-core inside the page, and screenshots into the calling app's git-ignored `screenshots/`.
 * Never downloads a browser: the machine's /usr/bin/chromium is the one under test.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export function launchBrowser(options: { slowMo?: number } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS], ...options });
}

export type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; targets: string[] };

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core in the page and returns the serious and critical violations, each with the
 * selectors of the nodes that fail, so a test can print what to fix.
 */
export async function runAxe(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the debugging protocol, not as a <script>: the apps' CSP (script-src 'self')
  // rightly refuses inline scripts, and the test must not loosen it.
  await page.evaluate(`${await axeSource};void 0`);
  const violations = await page.evaluate(async (include) => {
    type AxeResult = { violations: Array<{ id: string; impact: string | null; help: string; helpUrl: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(include ?? document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(" ")) }));
  }, options.include ?? null);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A full-page PNG at `<cwd>/screenshots/<name>.png` (the app's test script runs in the app's folder). */
export async function screenshot(page: Page, name: string, options: { dir?: string; fullPage?: boolean } = {}): Promise<string> {
  const dir = options.dir ?? path.join(process.cwd(), "screenshots");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
