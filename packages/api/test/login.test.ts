// Signing in and out: one error for a wrong password and an unknown address, throttling after
// five failures (even for the right password), disabled users kept out, sessions that end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findValidSession, type UserProfile } from "@uketsuke/db";
import { message } from "@uketsuke/domain";
import { createContext, SESSION_COOKIE } from "../src/index.ts";
import { createCaller, createHarness, expectRefusal, FIXED_NOW, PASSWORD, sessionTokenIn, type Harness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ operators: 2 });
});
afterAll(() => h.cleanup());

/** A caller with no session, whose response headers can be read (Set-Cookie). */
async function anonymous() {
  const resHeaders = new Headers();
  const ctx = await createContext(h.deps, { headers: new Headers(), resHeaders, ip: "203.0.113.7" });
  return { caller: createCaller(ctx), resHeaders };
}

async function withToken(token: string) {
  const resHeaders = new Headers();
  const ctx = await createContext(h.deps, { headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}` }), resHeaders });
  return { caller: createCaller(ctx), resHeaders, ctx };
}

const attempts = (email: string) => h.db.selectFrom("login_attempts").selectAll().where("email", "=", email).orderBy("at").execute();

describe("sign-in", () => {
  it("signs in, sets an HttpOnly SameSite=Lax session cookie, and the cookie authenticates", async () => {
    const { caller, resHeaders } = await anonymous();
    const result = await caller.auth.login({ email: " OP2@Agency.Example.JP ", password: PASSWORD });
    const token = sessionTokenIn(resHeaders);
    expect(result.user).toMatchObject({ id: h.operators[1]?.id, role: "operator", mailbox: "op2" });
    expect(JSON.stringify(result)).not.toMatch(/scrypt/);
    const cookie = resHeaders.get("set-cookie") ?? "";
    expect(token.length).toBeGreaterThan(20);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(result.expiresAt).toBe(new Date(Date.parse(FIXED_NOW) + 12 * 3_600_000).toISOString());
    const me = await (await withToken(token)).caller.auth.me();
    expect(me.user.id).toBe(h.operators[1]?.id);
    // The database keeps only an HMAC of the token.
    const rows = await h.db.selectFrom("sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(await attempts("op2@agency.example.jp")).toMatchObject([{ success: 1, ip: "203.0.113.7" }]);
  });

  it("gives the same answer for a wrong password and an unknown address", async () => {
    const { caller } = await anonymous();
    const wrong = await expectRefusal(caller.auth.login({ email: h.a.owner.email, password: "wrong-password" }), "UNAUTHORIZED", "LOGIN_FAILED");
    const unknown = await expectRefusal(caller.auth.login({ email: "nobody@aoba.example.com", password: PASSWORD }), "UNAUTHORIZED", "LOGIN_FAILED");
    expect(unknown.data).toEqual(wrong.data);
    expect(wrong.data.text).toEqual(message("LOGIN_FAILED"));
    expect(await attempts(h.a.owner.email)).toMatchObject([{ success: 0 }]);
    expect(await attempts("nobody@aoba.example.com")).toMatchObject([{ success: 0 }]);
  });

  it("throttles an address after five failures, even for the right password, until the window passes", async () => {
    const email = h.b.member.email;
    const { caller } = await anonymous();
    for (let i = 0; i < 5; i++) {
      // Any spelling of the address counts against it.
      const spelled = i % 2 ? email.toUpperCase() : email;
      await expectRefusal(caller.auth.login({ email: spelled, password: `wrong-${i}` }), "UNAUTHORIZED", "LOGIN_FAILED");
    }
    const throttled = await expectRefusal(caller.auth.login({ email, password: PASSWORD }), "TOO_MANY_REQUESTS", "LOGIN_THROTTLED");
    expect(throttled.data.text.ja).toContain("15");
    expect(throttled.data.text.en).toContain("15 minutes");
    // A throttled attempt is not even checked: no new attempt row, no session.
    expect((await attempts(email)).length).toBe(5);
    expect(await h.db.selectFrom("sessions").select("id").where("userId", "=", h.b.member.id).execute()).toEqual([]);
    // Other addresses are not affected.
    expect((await caller.auth.login({ email: h.b.owner.email, password: PASSWORD })).user.id).toBe(h.b.owner.id);

    h.setNow(new Date(Date.parse(FIXED_NOW) + 16 * 60_000));
    try {
      expect((await caller.auth.login({ email, password: PASSWORD })).user.id).toBe(h.b.member.id);
    } finally {
      h.setNow(FIXED_NOW);
    }
  });

  it("keeps a disabled user out, with the same answer as a wrong password, and ends their sessions", async () => {
    const user = h.a.member;
    const session = await withToken(await h.tokenOf(user));
    expect((await session.caller.auth.me()).user.id).toBe(user.id);
    const sup = await h.callerAs(h.supervisor);
    await sup.admin.staff.setDisabled({ id: user.id, disabled: true });

    const { caller } = await anonymous();
    await expectRefusal(caller.auth.login({ email: user.email, password: PASSWORD }), "UNAUTHORIZED", "LOGIN_FAILED");
    await expectRefusal((await withToken(await h.tokenOf(user))).caller.auth.me(), "UNAUTHORIZED", "UNAUTHENTICATED");

    await sup.admin.staff.setDisabled({ id: user.id, disabled: false });
    expect((await caller.auth.login({ email: user.email, password: PASSWORD })).user.id).toBe(user.id);
  });
});

describe("sessions", () => {
  async function signIn(user: UserProfile) {
    const { caller, resHeaders } = await anonymous();
    await caller.auth.login({ email: user.email, password: PASSWORD });
    return sessionTokenIn(resHeaders);
  }

  it("logout ends the session and clears the cookie", async () => {
    const token = await signIn(h.a.owner);
    const { caller, resHeaders, ctx } = await withToken(token);
    expect(await caller.auth.logout()).toEqual({ ok: true });
    expect(resHeaders.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`, "i"));
    expect(await findValidSession(h.db, ctx.sessionId ?? "", h.now().toISOString())).toBeUndefined();
    await expectRefusal((await withToken(token)).caller.auth.me(), "UNAUTHORIZED", "UNAUTHENTICATED");
    await expectRefusal((await withToken(token)).caller.roster.list(), "UNAUTHORIZED", "UNAUTHENTICATED");
  });

  it("a made-up or tampered token opens nothing", async () => {
    const token = await signIn(h.a.owner);
    for (const forged of ["forged", `${token}x`, token.slice(1)]) {
      await expectRefusal((await withToken(forged)).caller.auth.me(), "UNAUTHORIZED", "UNAUTHENTICATED");
    }
  });

  it("expires after its lifetime, and activity slides the expiry on", async () => {
    const start = Date.parse(FIXED_NOW);
    const at = (hours: number) => new Date(start + hours * 3_600_000);
    try {
      const idle = await signIn(h.b.owner);
      const active = await signIn(h.b.owner);
      h.setNow(at(11));
      expect((await (await withToken(active)).caller.auth.me()).user.id).toBe(h.b.owner.id);
      h.setNow(at(12.5));
      await expectRefusal((await withToken(idle)).caller.auth.me(), "UNAUTHORIZED", "UNAUTHENTICATED");
      expect((await (await withToken(active)).caller.auth.me()).user.id).toBe(h.b.owner.id);
    } finally {
      h.setNow(FIXED_NOW);
    }
  });
});
