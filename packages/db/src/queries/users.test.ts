import { expect, it } from "vitest";
import { forEachDialect, seedContract, seedUser } from "../testing.ts";
import {
  findUserByEmail,
  getUserById,
  insertUser,
  listClientUsers,
  listStaff,
  updateClientUser,
  updateUser,
} from "./users.ts";

forEachDialect("users", (t) => {
  it("stores email lower-case and finds it in any case", async () => {
    const user = await seedUser(t.db, { email: "Sato.Operator@Example.COM", mailbox: "sato-users" });
    expect(user.email).toBe("sato.operator@example.com");
    expect(user.locale).toBe("ja");
    expect((await findUserByEmail(t.db, "SATO.operator@example.com"))?.id).toBe(user.id);
    expect(await getUserById(t.db, user.id)).toEqual(user);
    expect(await findUserByEmail(t.db, "nobody@example.com")).toBeUndefined();
  });

  it("refuses a second user with the same email", async () => {
    await seedUser(t.db, { email: "dup@example.com" });
    await expect(seedUser(t.db, { email: "DUP@example.com" })).rejects.toThrow();
  });

  it("requires a contract for a client and none for staff", async () => {
    const contract = await seedContract(t.db);
    await expect(seedUser(t.db, { role: "client", contractId: null, clientRole: "owner" })).rejects.toThrow();
    await expect(seedUser(t.db, { role: "operator", contractId: contract.id })).rejects.toThrow();
  });

  it("lists a contract's users and the staff separately", async () => {
    const a = await seedContract(t.db);
    const b = await seedContract(t.db);
    const owner = await seedUser(t.db, { role: "client", contractId: a.id, clientRole: "owner" });
    const member = await seedUser(t.db, { role: "client", contractId: a.id, clientRole: "member" });
    await seedUser(t.db, { role: "client", contractId: b.id, clientRole: "owner" });
    const supervisor = await seedUser(t.db, { role: "supervisor" });
    expect((await listClientUsers(t.db, a.id)).map((u) => u.id).sort()).toEqual([owner.id, member.id].sort());
    const staff = await listStaff(t.db);
    expect(staff.some((u) => u.id === supervisor.id)).toBe(true);
    expect(staff.every((u) => u.role !== "client")).toBe(true);
  });

  it("updates display name and disables a user", async () => {
    const user = await seedUser(t.db);
    const disabledAt = new Date().toISOString();
    const updated = await updateUser(t.db, user.id, { displayName: "佐藤 花子", disabledAt: disabledAt });
    expect(updated).toMatchObject({ displayName: "佐藤 花子", disabledAt: disabledAt });
  });

  it("lets a client update only its own contract's users", async () => {
    const a = await seedContract(t.db);
    const b = await seedContract(t.db);
    const member = await seedUser(t.db, { role: "client", contractId: a.id, clientRole: "member" });
    expect(await updateClientUser(t.db, b.id, member.id, { displayName: "他社" })).toBeUndefined();
    expect((await getUserById(t.db, member.id))?.displayName).toBe(member.displayName);
    expect(await updateClientUser(t.db, a.id, member.id, { displayName: "自社" })).toMatchObject({ displayName: "自社" });
  });

  it("inserts a user with every field given", async () => {
    const contract = await seedContract(t.db);
    const user = await insertUser(t.db, {
      email: "owner@client.example",
      passwordHash: "h",
      displayName: "Owner",
      role: "client",
      contractId: contract.id,
      clientRole: "owner",
      locale: "en",
    });
    expect(user).toMatchObject({ locale: "en", clientRole: "owner", mailbox: null, disabledAt: null });
  });
});
