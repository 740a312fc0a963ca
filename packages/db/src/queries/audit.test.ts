import { expect, it } from "vitest";
import { forEachDialect, seedContract, seedUser } from "../testing.ts";
import { insertAudit, listAudit } from "./audit.ts";

forEachDialect("audit", (t) => {
  it("records actions with JSON detail and lists them newest first", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const user = await seedUser(t.db, { role: "client", contractId: contract.id, clientRole: "owner" });
    const first = await insertAudit(t.db, {
      at: "2026-11-25T01:00:00.000Z",
      actorUserId: user.id,
      actorRole: "client",
      contractId: contract.id,
      action: "roster.reorder",
      entity: "roster",
      detail: { order: ["a", "b"], 名前: "山田" },
    });
    const second = await insertAudit(t.db, {
      at: "2026-11-25T02:00:00.000Z",
      contractId: contract.id,
      action: "contract.update",
      entity: "contract",
      entityId: contract.id,
    });
    await insertAudit(t.db, { contractId: other.id, action: "contract.update", entity: "contract" });

    expect(first.detail).toEqual({ order: ["a", "b"], 名前: "山田" });
    expect(second.detail).toEqual({});
    expect((await listAudit(t.db, { contractId: contract.id })).map((e) => e.id)).toEqual([second.id, first.id]);
    expect(await listAudit(t.db, { contractId: contract.id, limit: 1 })).toEqual([{ ...second, actorName: null }]);
    expect((await listAudit(t.db)).length).toBe(3);
  });

  it("narrows by person, action or its family, and time, and pages newest first", async () => {
    const contract = await seedContract(t.db);
    const actor = await seedUser(t.db, { displayName: "管理 花子", role: "supervisor" });
    const entry = (at: string, action: string) => insertAudit(t.db, { at, actorUserId: actor.id, actorRole: "supervisor", contractId: contract.id, action, entity: "contract" });
    const a = await entry("2026-11-20T01:00:00.000Z", "contract.create");
    const b = await entry("2026-11-21T01:00:00.000Z", "contract.update");
    const c = await entry("2026-11-21T01:00:00.000Z", "contract_user.create");
    const d = await entry("2026-11-22T01:00:00.000Z", "outbox.retry");
    const ids = async (filter: Parameters<typeof listAudit>[1]) => (await listAudit(t.db, { contractId: contract.id, ...filter })).map((e) => e.id);

    expect(await ids({ action: "contract" })).toEqual([b.id, a.id]);
    expect(await ids({ action: "outbox.retry" })).toEqual([d.id]);
    expect(await ids({ actorUserId: actor.id, from: "2026-11-21T00:00:00.000Z", to: "2026-11-22T00:00:00.000Z" })).toHaveLength(2);
    const [first] = await listAudit(t.db, { contractId: contract.id, limit: 1 });
    expect(first).toMatchObject({ id: d.id, actorName: "管理 花子" });
    // b and c share their time: the id breaks the tie, so paging neither skips nor repeats one.
    const sameTime = [b.id, c.id].sort().reverse();
    const page = await ids({ limit: 2, before: { at: first!.at, id: first!.id } });
    expect(page).toEqual(sameTime);
    expect(await ids({ before: { at: "2026-11-21T01:00:00.000Z", id: page[1]! } })).toEqual([a.id]);
  });
});
