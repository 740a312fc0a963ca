// The server serves the two built apps: hashed assets cached for a year, index.html revalidated,
// history fallback for the apps' routes, compression; and a plain page before anything is built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGINS, startTestServer, waitFor, type TestServer } from "../src/testing/index.ts";

function fakeBuild(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "assets"), { recursive: true });
  writeFileSync(path.join(dir, "index.html"), `<!doctype html><title>${name}</title><script type="module" src="assets/index-abc123.js"></script>`);
  writeFileSync(path.join(dir, "assets", "index-abc123.js"), `console.log(${JSON.stringify(name)});\n`.repeat(200));
  writeFileSync(path.join(dir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  return dir;
}

describe("the built apps", () => {
  let server: TestServer;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "uketsuke-web-"));
    server = await startTestServer({ apps: { dashboard: fakeBuild(root, "dashboard"), console: fakeBuild(root, "console") } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${server.url}${p}`, { headers, redirect: "manual" });

  it("serves the dashboard at / and its routes by history fallback, never cached stale", async () => {
    for (const p of ["/", "/reports", "/reports/8f0c1e9a-0000-4000-8000-000000000000"]) {
      const response = await get(p);
      expect(response.status, p).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toContain("<title>dashboard</title>");
    }
  });

  it("serves the console under /console/ and redirects /console", async () => {
    const redirect = await get("/console");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/console/");
    for (const p of ["/console/", "/console/calls/abc"]) {
      const response = await get(p);
      expect(response.status, p).toBe(200);
      expect(await response.text()).toContain("<title>console</title>");
    }
  });

  it("caches hashed assets for a year and compresses them", async () => {
    for (const [p, name] of [["/assets/index-abc123.js", "dashboard"], ["/console/assets/index-abc123.js", "console"]] as const) {
      const response = await get(p, { "accept-encoding": "gzip" });
      expect(response.status, p).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-encoding")).toBe("gzip");
      expect(response.headers.get("content-type")).toMatch(/javascript/);
      expect(await response.text()).toContain(name); // fetch undoes the gzip
    }
    expect((await get("/favicon.svg")).status).toBe(200);
  });

  it("answers a missing file with 404, not the app's HTML", async () => {
    for (const p of ["/assets/index-old999.js", "/console/assets/nope.css", "/missing.png"]) {
      const response = await get(p);
      expect(response.status, p).toBe(404);
    }
  });

  it("leaves the API, the webhooks and the health check where they were", async () => {
    expect((await get("/healthz")).status).toBe(200);
    const trpc = await get("/trpc/nope.nothing");
    expect(trpc.status).toBe(404);
    expect(trpc.headers.get("content-type")).toMatch(/json/);
    for (const p of ["/trpc", "/telephony", "/telephony/events", "/healthz/x"]) expect((await get(p)).status, p).toBe(404);
    const ring = await server.ring();
    expect(ring.status).toBe(200);
  });
});

describe("before the apps are built", () => {
  it("says what the product is and links both apps instead of a 404", async () => {
    const server = await startTestServer({ apps: { dashboard: null, console: "/nonexistent/console/dist" } });
    try {
      for (const p of ["/", "/console/"]) {
        const response = await fetch(`${server.url}${p}`);
        expect(response.status, p).toBe(200);
        const html = await response.text();
        expect(html).toContain('href="/console/"');
        expect(html).toContain("pnpm build");
        expect(html).toContain("電話代行");
      }
    } finally {
      await server.close();
    }
  });
});

describe("@uketsuke/server/testing", () => {
  it("rings, signs in with the cookie a browser gets, and reads captured mail", async () => {
    const server = await startTestServer();
    try {
      const operator = await server.signIn(LOGINS.operator);
      expect(operator.cookie).toMatch(/^[^=]+=.+/);
      const { callId, status } = await server.ring({ from: "0312345678" });
      expect(status).toBe(200);
      const queue = await operator.trpc.calls.queue.query();
      expect(queue.length).toBe(1);
      const call = queue[0] as { id: string };
      await operator.trpc.calls.claim.mutate({ id: call.id });
      await operator.trpc.calls.saveMessage.mutate({ callId: call.id, callerCompany: "株式会社テスト", callerName: "試験 太郎", message: "harness", outcome: "message" });
      const mail = await waitFor(async () => {
        const captured = await server.capturedMail();
        return captured.length > 0 ? captured : null;
      });
      expect(mail.length).toBe(1);
      expect(callId).toMatch(/^test-call-/);
      await expect(server.signIn(LOGINS.operator, "wrong-password")).rejects.toThrow(/refused/);
    } finally {
      await server.close();
    }
  });
});
