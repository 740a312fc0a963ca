// A plausible input for every procedure, pointing at contract A's objects. The access walk sends
// them as callers who must be refused, the cross-tenant walk sends them as contract B's owner,
// and the bad-input walk spoils them one field at a time. A new client procedure without a
// sample here fails the tenancy test: its cross-tenant behaviour has to be thought about.
import { randomUUID } from "node:crypto";
import { insertCall, type UserProfile } from "@uketsuke/db";
import type { Harness } from "./harness.ts";

export type Refs = {
  /** A's call, answered by the operator, with its report saved (callback requested). */
  reportedCallA: string;
  reportA: string;
  callbackA: string;
  outboxA: string;
  /** A's call, answered by the operator, no report yet. */
  openCallA: string;
  /** A's call still ringing. */
  ringingCallA: string;
  /** Another of A's ringing calls, for calls.answer (claim takes the first). */
  answerableCallA: string;
  /** B's own report, so B's lists are not trivially empty. */
  reportB: string;
  callbackB: string;
  /** A's open invitation (by its owner) and an open staff invitation (by the supervisor). */
  invitationA: string;
  staffInvitation: string;
  /** Another of A's open invitations, for the supervisor's walk (which revokes what it is given). */
  adminInvitationA: string;
};

/**
 * `refused`: as another contract's user this must fail with NOT_FOUND or a rule's refusal.
 * `scoped`: it may succeed, but only on the caller's own contract (nothing of A in the result).
 */
export type Sample = { input: () => unknown; crossTenant?: "refused" | "scoped" };

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

/** Saves one message through the real operator procedures; returns the ids it created. */
export async function saveOne(h: Harness, contractId: string, operator: UserProfile, message: string) {
  const op = await h.callerAs(operator);
  const call = await op.calls.openManual({ contractId, from: "090-1234-5678" });
  const saved = await op.calls.saveMessage({
    callId: call.id,
    callerCompany: "株式会社サンプル",
    callerName: "鈴木",
    callbackNumber: "03-1234-5678",
    message,
    callbackRequested: true,
  });
  const outbox = await h.db.selectFrom("outbox").select("id").where("reportId", "=", saved.reportId).executeTakeFirstOrThrow();
  return { callId: call.id, reportId: saved.reportId, callbackId: saved.callbackId ?? "", outboxId: outbox.id };
}

export async function buildRefs(h: Harness): Promise<Refs> {
  const a = await saveOne(h, h.a.contract.id, h.operator, "あおば商事様宛の見積もりのご依頼です。");
  const b = await saveOne(h, h.b.contract.id, h.operator, "みどり物産様宛の納品のご連絡です。");
  const op = await h.callerAs(h.operator);
  const open = await op.calls.openManual({ contractId: h.a.contract.id });
  const ringingCall = () =>
    insertCall(h.db, {
      contractId: h.a.contract.id,
      fromNumber: "+819011112222",
      toNumber: h.a.contract.numbers[0] ?? "",
      status: "ringing",
      source: "telephony",
      ringAt: h.now().toISOString(),
    });
  const ringing = await ringingCall();
  const answerable = await ringingCall();
  const invitationA = await (await h.callerAs(h.a.owner)).users.add({ email: `invited-${next()}@aoba.example.com`, displayName: "招待 一郎" });
  const adminInvitationA = await (await h.callerAs(h.a.owner)).users.add({ email: `invited-${next()}@aoba.example.com`, displayName: "招待 三郎" });
  const staffInvitation = await (await h.callerAs(h.supervisor)).admin.staff.create({ email: `invited-${next()}@agency.example.jp`, displayName: "招待 次郎", mailbox: `invited-${next()}` });
  return {
    invitationA: invitationA.id,
    staffInvitation: staffInvitation.id,
    adminInvitationA: adminInvitationA.id,
    reportedCallA: a.callId,
    reportA: a.reportId,
    callbackA: a.callbackId,
    outboxA: a.outboxId,
    openCallA: open.id,
    ringingCallA: ringing.id,
    answerableCallA: answerable.id,
    reportB: b.reportId,
    callbackB: b.callbackId,
  };
}

export function samples(h: Harness, r: Refs): Record<string, Sample> {
  const A = h.a;
  const none = () => undefined;
  return {
    "auth.login": { input: () => ({ email: A.owner.email, password: "not-the-password" }) },
    "auth.logout": { input: none },
    "auth.me": { input: none },
    "invitations.inspect": { input: () => ({ token: "x".repeat(43) }) },
    "invitations.accept": { input: () => ({ token: "x".repeat(43), password: "probe-password-123" }) },

    "contract.get": { input: none, crossTenant: "scoped" },
    "contract.request": { input: () => ({ kind: "block_caller" }), crossTenant: "refused" },
    "roster.list": { input: none, crossTenant: "scoped" },
    "roster.add": { input: () => ({ name: "試験 一郎", reportAddress: `probe-${next()}@midori.example.com` }), crossTenant: "scoped" },
    "roster.update": { input: () => ({ id: A.roster[0]?.id, name: "書き換え 試験", reportAddress: "probe@midori.example.com" }), crossTenant: "refused" },
    "roster.remove": { input: () => ({ id: A.roster[1]?.id }), crossTenant: "refused" },
    "roster.reorder": { input: () => ({ orderedIds: A.roster.map((m) => m.id).reverse() }), crossTenant: "refused" },
    "wrongNumbers.list": { input: none, crossTenant: "scoped" },
    "wrongNumbers.add": { input: () => ({ companyName: "株式会社プローブ", numbers: ["03-5555-1111"], typicalCalls: "試験" }), crossTenant: "scoped" },
    "wrongNumbers.update": { input: () => ({ id: A.wrongNumbers[0]?.id, companyName: "書き換え商事" }), crossTenant: "refused" },
    "wrongNumbers.remove": { input: () => ({ id: A.wrongNumbers[0]?.id }), crossTenant: "refused" },
    "reports.list": { input: () => ({ limit: 200 }), crossTenant: "scoped" },
    "reports.get": { input: () => ({ id: r.reportA }), crossTenant: "refused" },
    "reports.count": { input: () => ({ urgent: true }), crossTenant: "scoped" },
    "reports.markOpened": { input: () => ({ id: r.reportA }), crossTenant: "refused" },
    "figures.thisMonth": { input: none, crossTenant: "scoped" },
    "figures.get": { input: () => ({ period: "last90" }), crossTenant: "scoped" },
    "callbacks.listOpen": { input: none, crossTenant: "scoped" },
    "callbacks.markDone": { input: () => ({ id: r.callbackA }), crossTenant: "refused" },
    "users.list": { input: none, crossTenant: "scoped" },
    "users.add": { input: () => ({ email: `probe-${next()}@midori.example.com`, displayName: "試験 利用者" }), crossTenant: "scoped" },
    "users.invitations": { input: none, crossTenant: "scoped" },
    "users.resendInvitation": { input: () => ({ id: r.invitationA }), crossTenant: "refused" },
    "users.revokeInvitation": { input: () => ({ id: r.invitationA }), crossTenant: "refused" },
    "users.setDisabled": { input: () => ({ id: A.member.id, disabled: true }), crossTenant: "refused" },
    // From the start of the replay buffer: A's events are in it and must not come out.
    "live.contract": { input: () => ({ lastEventId: "0" }), crossTenant: "scoped" },
    "live.queue": { input: () => ({ lastEventId: null }) },

    "calls.desk": { input: none },
    "calls.contracts": { input: none },
    "calls.queue": { input: none },
    "calls.claim": { input: () => ({ id: r.ringingCallA }) },
    "calls.answer": { input: () => ({ id: r.answerableCallA }) },
    "calls.screenPop": { input: () => ({ id: r.openCallA }) },
    "calls.assess": { input: () => ({ callId: r.openCallA, company: "（株）ＡＢＣさんですか", requestedPerson: "山田さん" }) },
    "calls.openManual": { input: () => ({ contractId: A.contract.id, from: "090-0000-1111" }) },
    "calls.preview": { input: () => ({ callId: r.openCallA, callerName: "試験", message: "試験のご伝言", urgent: true }) },
    "calls.history": { input: () => ({ id: r.openCallA }) },
    "calls.saveMessage": { input: () => ({ callId: r.openCallA, callerName: "試験", message: "試験のご伝言" }) },
    "calls.end": { input: () => ({ id: r.openCallA }) },

    "admin.contracts.list": { input: none },
    "admin.contracts.get": { input: () => ({ id: A.contract.id }) },
    "admin.contracts.create": { input: () => ({ legalEntityName: "株式会社試験", answerName: "試験", numbers: [] }) },
    "admin.contracts.update": { input: () => ({ id: A.contract.id, script: "変更された台本" }) },
    "admin.contracts.addNumber": { input: () => ({ id: A.contract.id, number: "03-7777-0000" }) },
    "admin.contracts.removeNumber": { input: () => ({ id: A.contract.id, number: A.contract.numbers[0] }) },
    "admin.clientUsers.list": { input: () => ({ contractId: A.contract.id }) },
    "admin.clientUsers.create": { input: () => ({ contractId: A.contract.id, email: `probe-${next()}@aoba.example.com`, displayName: "試験" }) },
    "admin.clientUsers.invitations": { input: () => ({ contractId: A.contract.id }) },
    "admin.clientUsers.resendInvitation": { input: () => ({ contractId: A.contract.id, id: r.adminInvitationA }) },
    "admin.clientUsers.revokeInvitation": { input: () => ({ contractId: A.contract.id, id: r.adminInvitationA }) },
    "admin.staff.list": { input: none },
    "admin.staff.create": { input: () => ({ email: `probe-${next()}@agency.example.jp`, displayName: "試験", mailbox: `probe-${next()}` }) },
    "admin.staff.invitations": { input: none },
    "admin.staff.resendInvitation": { input: () => ({ id: r.staffInvitation }) },
    "admin.staff.revokeInvitation": { input: () => ({ id: r.staffInvitation }) },
    "admin.staff.setDisabled": { input: () => ({ id: A.member.id, disabled: true }) },
    "admin.clientUsers.resetPassword": { input: () => ({ id: A.member.id, password: "probe-password-456" }) },
    "admin.mail.outbox": { input: () => ({ limit: 10 }) },
    "admin.mail.outboxItem": { input: () => ({ id: r.outboxA }) },
    "admin.mail.retry": { input: () => ({ id: r.outboxA }) },
    "admin.mail.retryAll": { input: () => ({ contractId: A.contract.id }) },
    "admin.mail.counts": { input: none },
    "admin.mail.captured": { input: none },
    "admin.mail.capturedItem": { input: () => ({ id: randomUUID() }) },
    "admin.oversight.audit": { input: () => ({ limit: 10 }) },
    "admin.oversight.missedCalls": { input: none },
    "admin.oversight.stats": { input: () => ({}) },
    "admin.figures.get": { input: none },
    "admin.figures.billing": { input: () => ({ month: "2026-11" }) },
    "admin.figures.wallboard": { input: none },
  };
}
