// Sessions: the token travels only in the HttpOnly cookie, never in the sign-in answer; a new
// password or a disabled account ends every session of that user, and enabling the account again
// does not bring the old cookies back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateUser, type UserProfile } from "@uketsuke/db";
import { createContext, hashPassword, SESSION_COOKIE } from "../src/index.ts";
import { createCaller, createHarness, expectRefusal, PASSWORD, type Harness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ operators: 2 });
});
afterAll(() => h.cleanup());

/** Signs in and returns the answer and the token the cookie carries. */
async function signIn(user: Pick<UserProfile, "email">, password = PASSWORD) {
  const resHeaders = new Headers();
  const caller = createCaller(await createContext(h.deps, { headers: new Headers(), resHeaders, ip: "192.0.2.20" }));
  const answer = await caller.auth.login({ email: user.email, password });
  const cookie = resHeaders.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? "";
  const token = cookie.slice(SESSION_COOKIE.length + 1).split(";")[0] ?? "";
  return { answer, token, cookie };
}

async function me(token: string) {
  return createCaller(await createContext(h.deps, { headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}` }) })).auth.me();
}

describe("the session token", () => {
  it("comes only in the HttpOnly cookie, never in the answer's body", async () => {
    const { answer, token, cookie } = await signIn(h.operators[0] as UserProfile);
    expect(token.length).toBeGreaterThan(20);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(JSON.stringify(answer)).not.toContain(token);
    expect(Object.keys(answer).sort()).toEqual(["expiresAt", "user"]);
    expect((await me(token)).user.email).toBe(h.operators[0]?.email);
  });
});

describe("ending every session of a user", () => {
  it("a new password ends every session of that user, and only theirs", async () => {
    const user = h.operators[1] as UserProfile;
    const [first, second] = [await signIn(user), await signIn(user)];
    const bystander = await signIn(h.b.owner);
    const newPassword = "a-brand-new-password";
    await updateUser(h.db, user.id, { passwordHash: await hashPassword(newPassword) });
    for (const { token } of [first, second]) await expectRefusal(me(token), "UNAUTHORIZED", "UNAUTHENTICATED");
    expect((await me(bystander.token)).user.id).toBe(h.b.owner.id);
    expect((await me((await signIn(user, newPassword)).token)).user.id).toBe(user.id);
  });

  it("a supervisor disabling a user ends their sessions; enabling again does not revive the old cookies", async () => {
    const user = h.a.member;
    const old = await signIn(user);
    const supervisor = await h.callerAs(h.supervisor);
    await supervisor.admin.staff.setDisabled({ id: user.id, disabled: true });
    await expectRefusal(me(old.token), "UNAUTHORIZED", "UNAUTHENTICATED");
    await supervisor.admin.staff.setDisabled({ id: user.id, disabled: false });
    await expectRefusal(me(old.token), "UNAUTHORIZED", "UNAUTHENTICATED");
    expect(await h.db.selectFrom("sessions").select("id").where("userId", "=", user.id).execute()).toEqual([]);
    expect((await me((await signIn(user)).token)).user.id).toBe(user.id);
  });

  it("a client owner disabling a colleague does the same", async () => {
    const user = h.b.member;
    const old = await signIn(user);
    const owner = await h.callerAs(h.b.owner);
    await owner.users.setDisabled({ id: user.id, disabled: true });
    await owner.users.setDisabled({ id: user.id, disabled: false });
    await expectRefusal(me(old.token), "UNAUTHORIZED", "UNAUTHENTICATED");
    expect((await me((await signIn(user)).token)).user.id).toBe(user.id);
  });
});
