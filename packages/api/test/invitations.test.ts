// Invitations (issue 7): adding a user never tells the inviter whether the address has an account
// in another tenant. The answer is the same pending invitation; only the mail differs, and only
// the address's owner reads it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { INVITATION_SUBJECT, INVITATION_TTL_DAYS } from "@uketsuke/domain";
import { createContext, SESSION_COOKIE } from "../src/index.ts";
import {
  createCaller,
  createHarness,
  expectFieldError,
  expectRefusal,
  FIXED_NOW,
  invitationMailsTo,
  invitationTokenFor,
  PUBLIC_URL,
  sessionTokenIn,
  type Harness,
} from "./harness.ts";

let h: Harness;
let serial = 0;
const fresh = (domain: string) => `new-${serial++}@${domain}`;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.cleanup());
afterEach(() => h.setNow(FIXED_NOW));

/** An anonymous caller from its own client address, keeping the Set-Cookie it is answered with. */
async function visitor(ip = `198.51.100.${++serial % 250}`) {
  const resHeaders = new Headers();
  const caller = createCaller(await createContext(h.deps, { headers: new Headers(), resHeaders, ip }));
  return { caller, resHeaders };
}

/** The answer without what names the address: what is left must not depend on the address. */
const shapeOf = (answer: Record<string, unknown>) => {
  const { id: _id, email: _email, ...rest } = answer;
  return { keys: Object.keys(answer).sort(), rest };
};

describe("adding a user answers the same for any address, and the mail tells the owner of the address", () => {
  it("client owner: a free address, one of another contract, and one invited before get one answer", async () => {
    const owner = await h.callerAs(h.a.owner);
    const free = fresh("aoba.example.com");
    const answers = [
      await owner.users.add({ email: free, displayName: "新人 一郎" }),
      await owner.users.add({ email: h.b.member.email, displayName: "新人 一郎" }),
      await owner.users.add({ email: free, displayName: "新人 一郎" }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: "pending", role: "client", contractId: h.a.contract.id });
    const [first, ...others] = answers.map(shapeOf);
    for (const other of others) expect(other).toEqual(first);

    const [linkMail] = await invitationMailsTo(h.db, free);
    expect(linkMail?.subject).toBe(INVITATION_SUBJECT.ja);
    expect(linkMail?.bodyText).toContain(`${PUBLIC_URL}/invite/`);
    expect(linkMail?.bodyText).toContain(h.a.contract.legalEntityName);
    const [takenMail, ...more] = await invitationMailsTo(h.db, h.b.member.email);
    expect(more).toEqual([]);
    expect(takenMail?.subject).toBe(INVITATION_SUBJECT.ja);
    expect(takenMail?.bodyText).toContain("すでにアカウントがあります");
    expect(takenMail?.bodyText).not.toContain("/invite/");
    // The other contract's name is in neither mail, and the inviter's list shows both alike.
    expect(`${linkMail?.bodyText}${takenMail?.bodyText}`).not.toContain(h.b.contract.legalEntityName);
    const listed = await owner.users.invitations();
    expect(listed.filter((i) => i.email === free || i.email === h.b.member.email).map((i) => i.status)).toEqual(["pending", "pending"]);
  });

  it("a supervisor's address gets the same JSON as a free one (HTTP: apps/server/test/invitations-http.test.ts)", async () => {
    const owner = await h.callerAs(h.a.owner);
    const a = JSON.stringify(shapeOf(await owner.users.add({ email: fresh("aoba.example.com"), displayName: "同じ 形" })));
    const b = JSON.stringify(shapeOf(await owner.users.add({ email: h.supervisor.email, displayName: "同じ 形" })));
    expect(a).toBe(b);
  });

  it("supervisor: client users and staff likewise", async () => {
    const sup = await h.callerAs(h.supervisor);
    const client = [
      await sup.admin.clientUsers.create({ contractId: h.a.contract.id, email: fresh("aoba.example.com"), displayName: "新人" }),
      await sup.admin.clientUsers.create({ contractId: h.a.contract.id, email: h.b.owner.email, displayName: "新人" }),
    ].map(shapeOf);
    expect(client[1]).toEqual(client[0]);
    const staffEmail = fresh("agency.example.jp");
    const staff = [
      await sup.admin.staff.create({ email: staffEmail, displayName: "新人", mailbox: `s${serial++}` }),
      await sup.admin.staff.create({ email: h.a.member.email, displayName: "新人", mailbox: `s${serial++}` }),
    ].map((answer) => {
      const { mailbox: _m, ...rest } = answer;
      return shapeOf(rest);
    });
    expect(staff[1]).toEqual(staff[0]);
    expect((await invitationMailsTo(h.db, staffEmail))[0]?.bodyText).toContain(h.agency.name);
    expect((await invitationMailsTo(h.db, h.a.member.email)).at(-1)?.bodyText).not.toContain("/invite/");
  });

  it("an address already a user of the same tenant is said to be one (409 at the email field)", async () => {
    const owner = await h.callerAs(h.a.owner);
    await expectRefusal(owner.users.add({ email: h.a.member.email, displayName: "二重" }), "CONFLICT", "EMAIL_ALREADY_USER");
    const sup = await h.callerAs(h.supervisor);
    await expectRefusal(sup.admin.staff.create({ email: h.operator.email, displayName: "二重", mailbox: "dup-op" }), "CONFLICT", "EMAIL_ALREADY_USER");
    await expectRefusal(sup.admin.staff.create({ email: fresh("agency.example.jp"), displayName: "重複", mailbox: h.operator.mailbox ?? "" }), "CONFLICT", "MAILBOX_TAKEN");
  });
});

describe("accepting", () => {
  it("shows who invited, creates the user with their own password, signs them in, and the link is used up", async () => {
    const owner = await h.callerAs(h.a.owner);
    const email = fresh("aoba.example.com");
    const invitation = await owner.users.add({ email, displayName: "新人 一郎", clientRole: "member", locale: "en" });
    const token = await invitationTokenFor(h.db, email);
    const { caller, resHeaders } = await visitor();
    expect(await caller.invitations.inspect({ token })).toEqual({
      email,
      displayName: "新人 一郎",
      role: "client",
      clientRole: "member",
      locale: "en",
      company: h.a.contract.legalEntityName,
      invitedByName: h.a.owner.displayName,
      expiresAt: invitation.expiresAt,
    });
    expect(Date.parse(invitation.expiresAt) - h.now().getTime()).toBe(INVITATION_TTL_DAYS * 24 * 3_600_000);
    const accepted = await caller.invitations.accept({ token, password: "my-own-password", displayName: "新人 一郎（営業）" });
    expect(accepted).toMatchObject({ home: "/", user: { email, displayName: "新人 一郎（営業）", role: "client", contractId: h.a.contract.id, clientRole: "member", locale: "en" } });
    const cookie = sessionTokenIn(resHeaders);
    const me = await createCaller(await createContext(h.deps, { headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}` }) })).auth.me();
    expect(me.user.email).toBe(email);
    // And the password works for sign-in.
    const { caller: again } = await visitor();
    expect((await again.auth.login({ email, password: "my-own-password" })).user.email).toBe(email);

    const audit = await h.db.selectFrom("audit_log").select(["action", "actorUserId", "contractId"]).where("entityId", "=", invitation.id).orderBy("at").execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["invitation.accept", "invitation.create"]);
    expect(audit.find((a) => a.action === "invitation.accept")).toMatchObject({ actorUserId: accepted.user.id, contractId: h.a.contract.id });
    await expectRefusal(caller.invitations.inspect({ token }), "NOT_FOUND", "INVITATION_INVALID");
    await expectRefusal(caller.invitations.accept({ token, password: "another-password" }), "NOT_FOUND", "INVITATION_INVALID");
    expect((await owner.users.invitations()).map((i) => i.id)).not.toContain(invitation.id);
    expect((await owner.users.list()).map((u) => u.email)).toContain(email);
  });

  it("staff land in the console with the mailbox they were invited with (R2)", async () => {
    const sup = await h.callerAs(h.supervisor);
    const email = fresh("agency.example.jp");
    await sup.admin.staff.create({ email, displayName: "新人 オペ", mailbox: "new-op", role: "operator" });
    const { caller } = await visitor();
    expect((await caller.invitations.inspect({ token: await invitationTokenFor(h.db, email) })).company).toBe(h.agency.name);
    const accepted = await caller.invitations.accept({ token: await invitationTokenFor(h.db, email), password: "operator-password" });
    expect(accepted).toMatchObject({ home: "/console/", user: { role: "operator", mailbox: "new-op", contractId: null } });
  });

  it("an expired link is refused; a resend gives a new link and the old one stays dead", async () => {
    const owner = await h.callerAs(h.a.owner);
    const email = fresh("aoba.example.com");
    const invitation = await owner.users.add({ email, displayName: "遅い 人" });
    const old = await invitationTokenFor(h.db, email);
    h.setNow(invitation.expiresAt);
    const { caller } = await visitor();
    await expectRefusal(caller.invitations.inspect({ token: old }), "NOT_FOUND", "INVITATION_INVALID");
    expect((await owner.users.invitations()).find((i) => i.id === invitation.id)?.status).toBe("expired");
    const resent = await owner.users.resendInvitation({ id: invitation.id });
    expect(resent).toMatchObject({ id: invitation.id, status: "pending" });
    const renewed = await invitationTokenFor(h.db, email);
    expect(renewed).not.toBe(old);
    await expectRefusal(caller.invitations.accept({ token: old, password: "late-password" }), "NOT_FOUND", "INVITATION_INVALID");
    expect((await caller.invitations.accept({ token: renewed, password: "late-password" })).user.email).toBe(email);
    await expectRefusal(owner.users.resendInvitation({ id: invitation.id }), "NOT_FOUND", "NOT_FOUND");
  });

  it("a revoked link is refused, and the invitation leaves the list", async () => {
    const owner = await h.callerAs(h.a.owner);
    const email = fresh("aoba.example.com");
    const invitation = await owner.users.add({ email, displayName: "取消 一郎" });
    expect(await owner.users.revokeInvitation({ id: invitation.id })).toMatchObject({ status: "revoked" });
    const { caller } = await visitor();
    await expectRefusal(caller.invitations.accept({ token: await invitationTokenFor(h.db, email), password: "revoked-password" }), "NOT_FOUND", "INVITATION_INVALID");
    expect((await owner.users.invitations()).map((i) => i.id)).not.toContain(invitation.id);
    await expectRefusal(owner.users.revokeInvitation({ id: invitation.id }), "NOT_FOUND", "NOT_FOUND");
    // Another contract's owner cannot reach it at all.
    await expectRefusal((await h.callerAs(h.b.owner)).users.revokeInvitation({ id: invitation.id }), "NOT_FOUND", "NOT_FOUND");
  });

  it("an address taken meanwhile (another contract's invitation accepted first): 409, and this invitation stays open", async () => {
    const email = fresh("shared.example.com");
    const fromA = await (await h.callerAs(h.a.owner)).users.add({ email, displayName: "二社 一郎" });
    const tokenA = await invitationTokenFor(h.db, email);
    await (await h.callerAs(h.b.owner)).users.add({ email, displayName: "二社 一郎" });
    const tokenB = await invitationTokenFor(h.db, email);
    const { caller } = await visitor();
    await caller.invitations.accept({ token: tokenB, password: "first-comes-first" });
    const before = await h.counts();
    await expectRefusal(caller.invitations.accept({ token: tokenA, password: "second-password" }), "CONFLICT", "INVITATION_EMAIL_TAKEN");
    const after = await h.counts();
    expect({ ...after, login_attempts: 0 }).toEqual({ ...before, login_attempts: 0 });
    expect((await (await h.callerAs(h.a.owner)).users.invitations()).find((i) => i.id === fromA.id)?.status).toBe("pending");
  });

  it("bad links are throttled like sign-in: five failures from one client address, then LOGIN_THROTTLED", async () => {
    const { caller } = await visitor("203.0.113.9");
    for (let i = 0; i < 5; i++) await expectRefusal(caller.invitations.inspect({ token: `${"b".repeat(42)}${i}` }), "NOT_FOUND", "INVITATION_INVALID");
    await expectRefusal(caller.invitations.inspect({ token: "c".repeat(43) }), "TOO_MANY_REQUESTS", "LOGIN_THROTTLED");
  });
});

describe("bad input changes nothing", () => {
  it("each new input answers its field, in Japanese and English", async () => {
    const owner = await h.callerAs(h.a.owner);
    const sup = await h.callerAs(h.supervisor);
    const { caller } = await visitor();
    const email = fresh("aoba.example.com");
    await owner.users.add({ email, displayName: "正しい 人" });
    const token = await invitationTokenFor(h.db, email);
    const before = await h.counts();
    await expectFieldError(owner.users.add({ email: "not-an-address", displayName: "x" }), "email", "FIELD_EMAIL_INVALID");
    await expectFieldError(owner.users.add({ email: fresh("aoba.example.com"), displayName: "a\u202Eb" }), "displayName", "FIELD_NAME_CHARACTERS");
    await expectFieldError(sup.admin.staff.create({ email: fresh("agency.example.jp"), displayName: "x", mailbox: "Bad Box" }), "mailbox", "R2_MAILBOX_INVALID");
    await expectFieldError(owner.users.revokeInvitation({ id: "nope" }), "id", "FIELD_ID_INVALID");
    await expectFieldError(sup.admin.clientUsers.resendInvitation({ contractId: "nope", id: "nope" } as never), "contractId", "FIELD_ID_INVALID");
    await expectFieldError(caller.invitations.inspect({ token: "short" }), "token", "FIELD_FORMAT_INVALID");
    await expectFieldError(caller.invitations.accept({ token, password: "short" }), "password", "FIELD_PASSWORD_WEAK");
    await expectFieldError(caller.invitations.accept({ token, password: "long-enough-pass", displayName: "" }), "displayName", "FIELD_REQUIRED");
    expect(await h.counts()).toEqual(before);
    // The link still works after all that.
    expect((await caller.invitations.accept({ token, password: "long-enough-pass" })).user.email).toBe(email);
  });
});
