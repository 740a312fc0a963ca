// The real server over real HTTP: health, sign-in with the session cookie, a call saved end to
// end by an operator and read by the client, what a broken request gets (never a 500), a save
// that fails in the database (a 500 that says nothing of the database), and a restart on the
// same database file.
import { TRPCClientError } from "@trpc/client";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, type AppRouter } from "@uketsuke/api";
import { message, REPORT_SUBJECT } from "@uketsuke/domain";
import { client, DEMO, DEMO_PASSWORD, rawCall, readRaw, signIn, startServer, type ErrorBody, type TestServer } from "./http-harness.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server?.close());

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

async function trpcError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error("expected a tRPC error");
}

/** Polls until `check` gives something truthy. */
async function waitFor<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the server", () => {
  it("answers /healthz", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      agency: server.running.deps.agency.name,
      mail: { undelivered: expect.any(Number), failed: expect.any(Number), oldestUndeliveredAgeSeconds: expect.toBeOneOf([null, expect.any(Number)]) },
    });
  });

  it("seeded the demo on first start", () => {
    expect(server.running.firstStart).toBe(true);
    expect(server.running.demoLogins?.map((l) => l.email)).toEqual(Object.values(DEMO));
  });
});

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie that authenticates the next request", async () => {
    const login = await rawCall(server.url, "auth.login", "mutation", { email: DEMO.mirai, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const setCookie = login.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    const line = setCookie[0] ?? "";
    expect(line).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,};`));
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    expect(line).toMatch(/; Path=\//i);
    expect(line).toMatch(/; Max-Age=43200/i);
    const cookie = line.split(";")[0] ?? "";

    const me = await rawCall(server.url, "auth.me", "query", undefined, cookie);
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ result: { data: { user: { email: DEMO.mirai, role: "client", clientRole: "owner" }, contract: { answerName: "株式会社みらい建設" } } } });

    const anonymous = await rawCall(server.url, "auth.me", "query", undefined);
    expect(anonymous.status).toBe(401);
    expect((anonymous.json as ErrorBody).error.data).toMatchObject({ code: "UNAUTHENTICATED", text: message("UNAUTHENTICATED") });

    const logout = await rawCall(server.url, "auth.logout", "mutation", undefined, cookie);
    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie()[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`, "i"));
    expect((await rawCall(server.url, "auth.me", "query", undefined, cookie)).status).toBe(401);
  });

  it("refuses a wrong password with 401 and sets no cookie", async () => {
    const wrong = await rawCall(server.url, "auth.login", "mutation", { email: DEMO.mirai, password: "not-the-password" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect((wrong.json as ErrorBody).error).toMatchObject({ message: message("LOGIN_FAILED").en, data: { code: "LOGIN_FAILED", text: message("LOGIN_FAILED") } });
  });
});

describe("a call, end to end over HTTP", () => {
  it("is taken by an operator, reported to the named person, mailed, and read by the client", async () => {
    const operator = await signIn(server.url, DEMO.operator);
    expect(operator.jar.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    const contracts = await operator.trpc.calls.contracts.query();
    const mirai = contracts.find((c) => c.answerName === "株式会社みらい建設");
    if (!mirai) throw new Error("demo contract missing");

    const call = await operator.trpc.calls.openManual.mutate({ contractId: mirai.id, from: "090-1234-5678" });
    const pop = await operator.trpc.calls.screenPop.query({ id: call.id });
    expect(pop.answerPhrase.ja).toBe("お電話ありがとうございます。株式会社みらい建設でございます。");
    expect(pop.roster.map((m) => m.name)).toEqual(["山田 太郎", "高橋 由美", "営業部"]);
    const assessed = await operator.trpc.calls.assess.query({ callId: call.id, company: "㈱未来建設さんですか" });
    expect(assessed.wrongNumber.kind).toBe("match");

    const saved = await operator.trpc.calls.saveMessage.mutate({
      callId: call.id,
      callerCompany: "株式会社ＸＹＺ",
      callerName: "田村",
      callbackNumber: "03-1111-2222",
      requestedPerson: "高橋さん",
      message: "現場の件で至急ご連絡ください。",
      callbackRequested: true,
    });
    expect(saved).toMatchObject({ routedTo: "高橋 由美", routingReason: "named" });
    expect(saved.callbackId).toBeTruthy();

    const owner = await signIn(server.url, DEMO.mirai);
    const list = await owner.trpc.reports.list.query({ q: "至急" });
    expect(list.reports.map((r) => r.id)).toEqual([saved.reportId]);
    const report = await owner.trpc.reports.get.query({ id: saved.reportId });
    expect(report).toMatchObject({ routedAddress: "takahashi@mirai-kensetsu.example.com", subject: REPORT_SUBJECT, outcomeLabel: { ja: "ご伝言" } });
    expect(report.bodyText).toContain("株式会社ＸＹＺ 田村 様");
    const callbacks = await owner.trpc.callbacks.listOpen.query();
    expect(callbacks.map((c) => c.id)).toEqual([saved.callbackId]);

    // With no SMTP configured the worker captures the mail; the supervisor reads it.
    const supervisor = await signIn(server.url, DEMO.supervisor);
    const captured = await waitFor(async () => (await supervisor.trpc.admin.mail.captured.query()).find((m) => m.messageId === report.messageId));
    expect(captured).toMatchObject({ subject: REPORT_SUBJECT, fromAddress: "sato@uketsuke.example.jp", toAddresses: ["takahashi@mirai-kensetsu.example.com"] });

    // The other client sees none of it.
    const hikari = await signIn(server.url, DEMO.hikari);
    const notFound = await trpcError(hikari.trpc.reports.get.query({ id: saved.reportId }));
    expect(notFound.data).toMatchObject({ httpStatus: 404, code: "NOT_FOUND" });
    expect((await hikari.trpc.reports.list.query({})).reports).toEqual([]);

    expect(await owner.trpc.callbacks.markDone.mutate({ id: saved.callbackId ?? "" })).toMatchObject({ status: "done" });
    const again = await trpcError(owner.trpc.callbacks.markDone.mutate({ id: saved.callbackId ?? "" }));
    expect(again.data).toMatchObject({ httpStatus: 422, code: "R5_CALLBACK_ALREADY_DONE", rule: "R5" });
    expect(again.message).toBe(message("R5_CALLBACK_ALREADY_DONE").en);
  });

  it("sends a rule's refusal as 422 with its code and ja/en text", async () => {
    const owner = await signIn(server.url, DEMO.mirai);
    const refused = await trpcError(owner.trpc.roster.add.mutate({ name: "受付", reportAddress: "uketsuke@uketsuke.example.jp" }));
    expect(refused.data).toMatchObject({ code: "R3_AGENCY_DOMAIN_ADDRESS", httpStatus: 422, rule: "R3" });
    expect(refused.data?.text.ja).toMatch(JAPANESE);
    expect(refused.data?.fields[0]?.path).toBe("reportAddress");
  });
});

describe("requests no client would send get a 4xx, never a 500", () => {
  const broken: Array<[string, () => Promise<Response>]> = [
    ["malformed JSON body", () => fetch(`${server.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"email": "a@b.jp", ' })],
    ["malformed JSON in a batch", () => fetch(`${server.url}/trpc/auth.login?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"0": {"email": ' })],
    ["malformed ?input=", () => fetch(`${server.url}/trpc/auth.me?input=%7Bnot-json`)],
    ["a batch that is not an object", () => fetch(`${server.url}/trpc/auth.login?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: "[1, 2" })],
    ["a body that is not JSON at all", () => fetch(`${server.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "text/plain" }, body: "email=a@b.jp" })],
    ["form data", () => fetch(`${server.url}/trpc/auth.login`, { method: "POST", body: new URLSearchParams({ email: "a@b.jp" }) })],
    ["a huge body", () => fetch(`${server.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a".repeat(2_000_000) }) })],
    ["a mutation by GET", () => fetch(`${server.url}/trpc/auth.login?input=${encodeURIComponent(JSON.stringify({ email: "a@b.jp", password: "x" }))}`)],
    ["a query by POST", () => fetch(`${server.url}/trpc/auth.me`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })],
    ["an unknown procedure", () => fetch(`${server.url}/trpc/reports.delete`)],
    ["an unknown procedure by POST", () => fetch(`${server.url}/trpc/admin.nothing.here`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })],
    // (Other unknown paths are the dashboard's routes: its index.html, which shows its own not-found.)
    ["an unknown path under the server's own", () => fetch(`${server.url}/telephony/no/such/page`)],
    ["a session cookie that does not decode", () => fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: `${SESSION_COOKIE}=%E0%A4%A; other=%` } })],
    ["a very long session cookie", () => fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: `${SESSION_COOKIE}=${"x".repeat(8_000)}` } })],
  ];

  for (const [name, send] of broken) {
    it(name, async () => {
      const before = await server.counts();
      const response = await readRaw(await send());
      expect(response.status, `${name}: ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${name}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
      expect(response.text).not.toMatch(/at .*\.(ts|js):\d+|nodeModules/);
      expect(await server.counts()).toEqual(before);
    });
  }

  it("an unknown procedure is 404 NOT_FOUND, in the catalogue's words", async () => {
    for (const response of [await rawCall(server.url, "reports.delete", "query", undefined), await rawCall(server.url, "nothing", "mutation", {})]) {
      expect(response.status).toBe(404);
      const body = response.json as ErrorBody;
      expect(body.error).toMatchObject({ message: message("NOT_FOUND").en, data: { code: "NOT_FOUND", text: message("NOT_FOUND") } });
      expect(body.error.data).not.toHaveProperty("stack");
    }
  });

  it("a body over 256 KiB is refused with 413 before it is read whole", async () => {
    const response = await readRaw(
      await fetch(`${server.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a".repeat(300_000) }) }),
    );
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ error: { data: { code: "BODY_TOO_LARGE", text: message("BODY_TOO_LARGE", { max: "256 KiB" }) } } });
  });

  it("a body that is empty or not JSON is a 400 with a field error, not the parser's words", async () => {
    for (const body of ["{not json", "", "{\"email\": "]) {
      const response = await readRaw(await fetch(`${server.url}/trpc/auth.login`, { method: "POST", headers: { "content-type": "application/json" }, body }));
      expect(response.status).toBe(400);
      const { error } = response.json as ErrorBody;
      expect(error.message).toBe(message("VALIDATION_FAILED").en);
      expect(error.data).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILED" });
      expect(error.data.fields).toEqual([{ path: "", code: "FIELD_TYPE_INVALID", text: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }]);
      expect(response.text).not.toMatch(/Unexpected|SyntaxError|JSON input/);
    }
  });
});

describe("a database failure during a save", () => {
  it("is a 500 in the catalogue's words, and leaves nothing behind", async () => {
    const operator = await signIn(server.url, DEMO.operator);
    const mirai = (await operator.trpc.calls.contracts.query()).find((c) => c.answerName === "株式会社みらい建設");
    const call = await operator.trpc.calls.openManual.mutate({ contractId: mirai?.id ?? "" });
    const db = server.running.db.db;
    await sql`create trigger boom_http before insert on callbacks begin select raise(abort, 'boom: SQLITE_CONSTRAINT in /srv/data'); end`.execute(db);
    const before = await server.counts();
    let response;
    try {
      response = await rawCall(
        server.url,
        "calls.saveMessage",
        "mutation",
        { callId: call.id, callerName: "原田", callbackNumber: "090-2222-3333", message: "折り返しをお願いします。", callbackRequested: true },
        operator.jar.cookie,
      );
    } finally {
      await sql`drop trigger boom_http`.execute(db);
    }
    expect(response.status).toBe(500);
    const body = response.json as ErrorBody;
    expect(body.error.message).toBe(message("INTERNAL").en);
    expect(body.error.data).toMatchObject({ code: "INTERNAL", httpStatus: 500, text: message("INTERNAL"), fields: [] });
    expect(response.text).not.toMatch(/boom|SQLITE|\/srv\/data|stack/i);
    expect(await server.counts()).toEqual(before);
  });
});

describe("a restart on the same database file", () => {
  it("does not seed again, keeps the data, and keeps sessions", async () => {
    const owner = await signIn(server.url, DEMO.mirai);
    const reports = (await owner.trpc.reports.list.query({})).reports.map((r) => r.id);
    expect(reports.length).toBeGreaterThan(0);
    const before = await server.counts();

    await server.restart();
    expect(server.running.firstStart).toBe(false);
    expect(server.running.demoLogins?.map((l) => l.email)).toEqual(Object.values(DEMO));
    const after = await server.counts();
    expect({ users: after.users, contracts: after.contracts, roster: after.roster_members, agencies: after.agencies, reports: after.reports }).toEqual({
      users: before.users,
      contracts: before.contracts,
      roster: before.roster_members,
      agencies: 1,
      reports: before.reports,
    });

    // The old cookie still opens the session (the cookie secret is kept beside the database).
    const again = client(server.url, owner.jar);
    expect((await again.trpc.reports.list.query({})).reports.map((r) => r.id)).toEqual(reports);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await signIn(server.url, DEMO.supervisor)).user.role).toBe("supervisor");
  });
});
