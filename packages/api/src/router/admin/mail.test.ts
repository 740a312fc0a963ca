// A supervisor sends every failed mail again in one go, after an outage is over: all of them or
// one contract's, audited; nobody else may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectRefusal, type Harness } from "../../../test/harness.ts";
import { saveOne } from "../../../test/samples.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.cleanup());

const statusOf = async (id: string) => (await h.db.selectFrom("outbox").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const fail = (ids: string[]) => h.db.updateTable("outbox").set({ status: "failed", lastError: "451 try later" }).where("id", "in", ids).execute();

describe("admin.mail.retryAll", () => {
  it("puts every failed mail of one contract, then of all, back in the queue, with one audit row each time", async () => {
    const a1 = await saveOne(h, h.a.contract.id, h.operator, "一通目");
    const a2 = await saveOne(h, h.a.contract.id, h.operator, "二通目");
    const b1 = await saveOne(h, h.b.contract.id, h.operator, "別のご契約");
    await fail([a1.outboxId, a2.outboxId, b1.outboxId]);
    const sup = await h.callerAs(h.supervisor);

    expect(await sup.admin.mail.counts()).toMatchObject({ failed: 3 });
    expect(await sup.admin.mail.retryAll({ contractId: h.a.contract.id })).toEqual({ retried: 2 });
    expect([await statusOf(a1.outboxId), await statusOf(a2.outboxId), await statusOf(b1.outboxId)]).toEqual(["pending", "pending", "failed"]);
    expect(await sup.admin.mail.retryAll({})).toEqual({ retried: 1 });
    expect(await statusOf(b1.outboxId)).toBe("pending");
    expect(await sup.admin.mail.retryAll({})).toEqual({ retried: 0 });

    const { entries } = await sup.admin.oversight.audit({ action: "outbox.retry_all", limit: 10 });
    // Both at the harness's one fixed instant: compared without their order.
    expect(entries.map((e) => [e.contractId, (e.detail as { count: number }).count, e.actorName]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
      [null, 1, "管理 花子"],
      [h.a.contract.id, 2, "管理 花子"],
    ]);
  });

  it("is the supervisor's only", async () => {
    await expectRefusal((await h.callerAs(h.operator)).admin.mail.retryAll({}), "FORBIDDEN", "FORBIDDEN");
    await expectRefusal((await h.callerAs(h.a.owner)).admin.mail.retryAll({}), "FORBIDDEN", "FORBIDDEN");
  });

  it("shows one mail with the headers it leaves with", async () => {
    const saved = await saveOne(h, h.a.contract.id, h.operator, "ヘッダー");
    const mail = await (await h.callerAs(h.supervisor)).admin.mail.outboxItem({ id: saved.outboxId });
    expect(mail.headers).toEqual({ "Auto-Submitted": "auto-generated", "X-Uketsuke-Outbox-Id": saved.outboxId });
    expect(mail.bodyHtml).toContain("ヘッダー");
  });
});
