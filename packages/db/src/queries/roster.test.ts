import { expect, it } from "vitest";
import { forEachDialect, seedContract } from "../testing.ts";
import { createDb } from "../connect.ts";
import { isUniqueViolation, type Executor } from "../executor.ts";
import {
  getRosterMember,
  insertRosterMember,
  listRoster,
  removeRosterMember,
  saveRosterOrder,
  updateRosterMember,
} from "./roster.ts";

async function rosterOf(db: Executor, names: string[]) {
  const contract = await seedContract(db);
  const members = [];
  for (const name of names) {
    members.push(
      await insertRosterMember(db, contract.id, { name, reportAddress: `${name}@client.example`, addressKind: "person" }),
    );
  }
  return { contractId: contract.id, members };
}

const positions = async (db: Executor, contractId: string) =>
  (await listRoster(db, contractId)).map((m) => [m.name, m.position]);

forEachDialect("roster", (t) => {
  it("adds members at the bottom, in order", async () => {
    const { contractId } = await rosterOf(t.db, ["yamada", "sato", "suzuki"]);
    expect(await positions(t.db, contractId)).toEqual([
      ["yamada", 1],
      ["sato", 2],
      ["suzuki", 3],
    ]);
  });

  it("stores a list address with its policy", async () => {
    const contract = await seedContract(t.db);
    const list = await insertRosterMember(t.db, contract.id, {
      name: "営業部",
      nameKana: "エイギョウブ",
      reportAddress: "sales@client.example",
      addressKind: "list",
      listPolicy: "open",
    });
    expect(list).toMatchObject({ position: 1, addressKind: "list", listPolicy: "open", nameKana: "エイギョウブ" });
  });

  it("reads, updates and removes only within its own contract", async () => {
    const { contractId, members } = await rosterOf(t.db, ["yamada"]);
    const other = await seedContract(t.db);
    const member = members[0]!;
    expect(await getRosterMember(t.db, contractId, member.id)).toEqual(member);
    expect(await getRosterMember(t.db, other.id, member.id)).toBeUndefined();

    expect(await updateRosterMember(t.db, other.id, member.id, { name: "hijack", reportAddress: "x@client.example", addressKind: "person" })).toBeUndefined();
    expect(await removeRosterMember(t.db, other.id, member.id)).toBe(false);
    expect(await getRosterMember(t.db, contractId, member.id)).toEqual(member);

    const updated = await updateRosterMember(t.db, contractId, member.id, {
      name: "山田 太郎",
      reportAddress: "taro@client.example",
      addressKind: "person",
    });
    expect(updated).toMatchObject({ name: "山田 太郎", reportAddress: "taro@client.example", position: 1 });
  });

  it("closes the gap when a member is removed", async () => {
    const { contractId, members } = await rosterOf(t.db, ["a", "b", "c", "d"]);
    expect(await removeRosterMember(t.db, contractId, members[1]!.id)).toBe(true);
    expect(await positions(t.db, contractId)).toEqual([
      ["a", 1],
      ["c", 2],
      ["d", 3],
    ]);
    expect(await removeRosterMember(t.db, contractId, members[0]!.id)).toBe(true);
    expect(await positions(t.db, contractId)).toEqual([
      ["c", 1],
      ["d", 2],
    ]);
    const added = await insertRosterMember(t.db, contractId, { name: "e", reportAddress: "e@c.example", addressKind: "person" });
    expect(added.position).toBe(3);
  });

  it("reorders to positions 1..n, also inside a transaction", async () => {
    const { contractId, members } = await rosterOf(t.db, ["a", "b", "c"]);
    const [a, b, c] = members.map((m) => m.id) as [string, string, string];
    await saveRosterOrder(t.db, contractId, [c, a, b]);
    expect(await positions(t.db, contractId)).toEqual([
      ["c", 1],
      ["a", 2],
      ["b", 3],
    ]);
    await t.db.transaction().execute((trx) => saveRosterOrder(trx, contractId, [b, c, a]));
    expect(await positions(t.db, contractId)).toEqual([
      ["b", 1],
      ["c", 2],
      ["a", 3],
    ]);
  });

  it("reorder leaves another contract's roster alone", async () => {
    const mine = await rosterOf(t.db, ["a", "b"]);
    const theirs = await rosterOf(t.db, ["x", "y"]);
    const [x, y] = theirs.members.map((m) => m.id) as [string, string];
    await saveRosterOrder(t.db, mine.contractId, [y, x]);
    expect(await positions(t.db, theirs.contractId)).toEqual([
      ["x", 1],
      ["y", 2],
    ]);
  });

  it("gives members added at the same moment distinct places (UNIQUE (contract_id, position))", async () => {
    // Ten transactions at once, on PostgreSQL over several connections: each would read the same
    // bottom without the roster's lock, and all but one would hit the constraint. (SQLite: one
    // connection per process, whose transactions take turns.)
    const connections = t.dialect === "postgres" ? Array.from({ length: 3 }, () => createDb(t.url)) : [];
    try {
      const { contractId } = await rosterOf(t.db, ["top"]);
      const dbs = [t.db, ...connections.map((c) => c.db)];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          insertRosterMember(dbs[i % dbs.length] as Executor, contractId, { name: `m${i}`, reportAddress: `m${i}@client.example`, addressKind: "person" }),
        ),
      );
      const places = (await listRoster(t.db, contractId)).map((m) => m.position);
      expect(places).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  it("refuses a second member at a taken place", async () => {
    const { contractId, members } = await rosterOf(t.db, ["a", "b"]);
    await expect(t.db.updateTable("roster_members").set({ position: 1 }).where("id", "=", members[1]!.id).execute()).rejects.toSatisfy(
      (error) => isUniqueViolation(error, { name: "roster_members_contract_position_unique", table: "roster_members", columns: ["contract_id", "position"] }),
    );
    expect(await positions(t.db, contractId)).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
});
