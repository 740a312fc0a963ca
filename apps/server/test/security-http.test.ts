// What browsers and forged requests meet at the door: security headers on every response,
// no-store on the API, mutations only as same-origin JSON, a Secure cookie over HTTPS (and the
// proxy's headers believed only when a proxy is configured), and no batching of sign-ins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "@uketsuke/api";
import { DEMO_PASSWORD, LOGINS, startUketsuke, type Uketsuke } from "./support/uketsuke.ts";

let direct: Uketsuke;
let proxied: Uketsuke;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([startUketsuke({ workers: false }), startUketsuke({ workers: false, env: { TRUST_PROXY: "1" } })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([direct?.close(), proxied?.close()]);
});

type Answer = { status: number; headers: Headers; json: unknown };

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, json };
}

async function signIn(server: Uketsuke, email: string, headers: Record<string, string> = {}) {
  const answer = await fetch(`${server.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(answer.status).toBe(200);
  const setCookie = answer.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? "";
  return { cookie: setCookie.split(";")[0] ?? "", setCookie };
}

const me = (server: Uketsuke, cookie: string) => send(`${server.url}/trpc/auth.me`, { headers: { cookie } });

const dataCode = (answer: Answer) => (answer.json as { error?: { data?: { code?: string } } }).error?.data?.code;

describe("headers on every response", () => {
  const paths = ["/healthz", "/", "/console/", "/trpc/auth.me", "/telephony/events", "/no/such/file.js"];

  it.each(paths)("%s carries CSP, nosniff, frame denial and a referrer policy", async (path) => {
    const answer = await send(`${direct.url}${path}`);
    const csp = answer.headers.get("content-security-policy") ?? "";
    const directives = new Map(csp.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(csp).not.toContain("unsafe-eval");
    // Inline style only for the console's documents (the mail view's srcdoc frame inherits it).
    const inlineStyle = directives.get("style-src")?.includes("'unsafe-inline'");
    expect(inlineStyle).toBe(path.startsWith("/console"));
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    expect(answer.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("/trpc answers are never stored, refusals included", async () => {
    expect((await send(`${direct.url}/trpc/auth.me`)).headers.get("cache-control")).toBe("no-store");
    const { cookie } = await signIn(direct, LOGINS.operator);
    expect((await me(direct, cookie)).headers.get("cache-control")).toBe("no-store");
    const refused = await send(`${direct.url}/trpc/auth.logout`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});

describe("cross-site request forgery", () => {
  it("refuses a cross-site multipart auth.logout and keeps the session", async () => {
    const { cookie } = await signIn(direct, LOGINS.mirai);
    const form = new FormData();
    form.set("x", "1");
    const forged = await send(`${direct.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: form,
    });
    expect(forged.status).toBe(403);
    expect(dataCode(forged)).toBe("CROSS_SITE_REFUSED");
    expect((forged.json as { error: { data: { text: { ja: string } } } }).error.data.text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    expect((await me(direct, cookie)).status).toBe(200);
  });

  it("refuses a foreign Origin even on JSON from a browser that sends no Sec-Fetch-Site", async () => {
    const { cookie } = await signIn(direct, LOGINS.mirai);
    const forged = await send(`${direct.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, origin: "http://evil.example", "content-type": "application/json" },
      body: "{}",
    });
    expect(forged.status).toBe(403);
    expect((await me(direct, cookie)).status).toBe(200);
  });

  it("refuses a mutation that is not JSON, even from no browser at all", async () => {
    const { cookie } = await signIn(direct, LOGINS.mirai);
    for (const [type, body] of [["multipart/form-data; boundary=x", "--x--\r\n"], ["text/plain", "{}"], ["application/x-www-form-urlencoded", "a=1"]] as const) {
      const answer = await send(`${direct.url}/trpc/auth.logout`, { method: "POST", headers: { cookie, "content-type": type }, body });
      expect(answer.status, type).toBe(415);
      expect(dataCode(answer)).toBe("CONTENT_TYPE_UNSUPPORTED");
    }
    expect((await me(direct, cookie)).status).toBe(200);
  });

  it("accepts a same-origin JSON auth.logout, which ends the session", async () => {
    const { cookie } = await signIn(direct, LOGINS.mirai);
    const answer = await send(`${direct.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, origin: direct.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: "{}",
    });
    expect(answer.status).toBe(200);
    expect((await me(direct, cookie)).status).toBe(401);
  });

  it("leaves the signed webhooks alone (a provider is no browser and posts no cookie)", async () => {
    const ring = await direct.ring("csrf-webhook-ring");
    expect(ring.status).toBe(200);
  });
});

describe("the session cookie over HTTPS, and what a proxy may say", () => {
  it("is not Secure over plain HTTP, and a client cannot make the server believe it is HTTPS", async () => {
    expect((await signIn(direct, LOGINS.hikari)).setCookie).not.toMatch(/;\s*Secure/i);
    expect((await signIn(direct, LOGINS.hikari, { "x-forwarded-proto": "https" })).setCookie).not.toMatch(/;\s*Secure/i);
  });

  it("is Secure when the configured proxy says the browser came over HTTPS", async () => {
    expect((await signIn(proxied, LOGINS.hikari, { "x-forwarded-proto": "https" })).setCookie).toMatch(/;\s*Secure/i);
    expect((await signIn(proxied, LOGINS.hikari, { "x-forwarded-proto": "http" })).setCookie).not.toMatch(/;\s*Secure/i);
  });

  it("keys sign-in attempts on the socket's address unless a proxy is configured", async () => {
    await signIn(direct, LOGINS.operator2, { "x-forwarded-for": "203.0.113.99" });
    await signIn(proxied, LOGINS.operator2, { "x-forwarded-for": "203.0.113.1, 198.51.100.77" });
    const ips = async (server: Uketsuke) =>
      (await server.running.db.db.selectFrom("login_attempts").select("ip").where("email", "=", LOGINS.operator2).execute()).map((r) => r.ip);
    expect(await ips(direct)).toEqual(["127.0.0.1"]);
    // The proxy appended what it saw; the left entry is the client's own claim.
    expect(await ips(proxied)).toEqual(["198.51.100.77"]);
  });
});

describe("batching", () => {
  it("refuses sign-in inside a batch, and takes it as a batch of one", async () => {
    const body = JSON.stringify({ 0: { email: LOGINS.operator, password: DEMO_PASSWORD }, 1: { email: LOGINS.operator, password: "wrong-password" } });
    const two = await send(`${direct.url}/trpc/auth.login,auth.login?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const answers = two.json as Array<{ error?: { data?: { code?: string } } }>;
    expect(answers.map((a) => a.error?.data?.code)).toEqual(["BATCH_NOT_ALLOWED", "BATCH_NOT_ALLOWED"]);
    const one = await send(`${direct.url}/trpc/auth.login?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { email: LOGINS.operator, password: DEMO_PASSWORD } }),
    });
    expect(one.status).toBe(200);
  });

  it("refuses a batch larger than the apps ever send", async () => {
    const { cookie } = await signIn(direct, LOGINS.operator);
    const paths = Array.from({ length: 21 }, () => "auth.me").join(",");
    const big = await send(`${direct.url}/trpc/${paths}?batch=1`, { headers: { cookie } });
    expect(big.status).toBe(400);
    const twenty = await send(`${direct.url}/trpc/${Array.from({ length: 20 }, () => "auth.me").join(",")}?batch=1`, { headers: { cookie } });
    expect(twenty.status).toBe(200);
  });
});
