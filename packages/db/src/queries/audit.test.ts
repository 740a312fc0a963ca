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
    expect(await listAudit(t.db, { contractId: contract.id, limit: 1 })).toEqual([second]);
    expect((await listAudit(t.db)).length).toBe(3);
  });
});
