// A supervisor gives a client user a new first password: the old sessions end, the new password
// signs in, a weak one is a field error and changes nothing; staff passwords are not reset here.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHarness, expectFieldError, expectRefusal, PASSWORD, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.cleanup());

it("resets a client user's password: their sessions end, the new one signs in, audited", async () => {
  const sup = await h.callerAs(h.supervisor);
  const member = await h.callerAs(h.a.member);
  expect((await member.auth.me()).user.id).toBe(h.a.member.id);
  await expectFieldError(sup.admin.clientUsers.resetPassword({ id: h.a.member.id, password: "short" }), "password", "FIELD_PASSWORD_WEAK");
  expect((await member.auth.me()).user.id).toBe(h.a.member.id);

  await sup.admin.clientUsers.resetPassword({ id: h.a.member.id, password: "a-new-first-password" });
  // The same cookie, on a new request:
  await expectRefusal((await h.callerAs(h.a.member)).auth.me(), "UNAUTHORIZED", "UNAUTHENTICATED");
  const anonymous = await h.callerAs(null);
  await expectRefusal(anonymous.auth.login({ email: h.a.member.email, password: PASSWORD }), "UNAUTHORIZED", "LOGIN_FAILED");
  await expect(anonymous.auth.login({ email: h.a.member.email, password: "a-new-first-password" })).resolves.toBeTruthy();
  const { entries } = await sup.admin.oversight.audit({ action: "client_user.reset_password", limit: 5 });
  expect(entries.map((e) => [e.entityId, e.contractId])).toEqual([[h.a.member.id, h.a.contract.id]]);
});

it("does not reset staff passwords, nor let anyone but a supervisor reset", async () => {
  const sup = await h.callerAs(h.supervisor);
  await expectRefusal(sup.admin.clientUsers.resetPassword({ id: h.operator.id, password: "a-new-first-password" }), "NOT_FOUND", "NOT_FOUND");
  await expectRefusal((await h.callerAs(h.a.owner)).admin.clientUsers.resetPassword({ id: h.a.member.id, password: "a-new-first-password" }), "FORBIDDEN", "FORBIDDEN");
});
