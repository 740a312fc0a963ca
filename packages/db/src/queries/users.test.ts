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
    await expect(seedUser(t.db, { role: "client", contract_id: null, client_role: "owner" })).rejects.toThrow();
    await expect(seedUser(t.db, { role: "operator", contract_id: contract.id })).rejects.toThrow();
  });

  it("lists a contract's users and the staff separately", async () => {
    const a = await seedContract(t.db);
    const b = await seedContract(t.db);
    const owner = await seedUser(t.db, { role: "client", contract_id: a.id, client_role: "owner" });
    const member = await seedUser(t.db, { role: "client", contract_id: a.id, client_role: "member" });
    await seedUser(t.db, { role: "client", contract_id: b.id, client_role: "owner" });
    const supervisor = await seedUser(t.db, { role: "supervisor" });
    expect((await listClientUsers(t.db, a.id)).map((u) => u.id).sort()).toEqual([owner.id, member.id].sort());
    const staff = await listStaff(t.db);
    expect(staff.some((u) => u.id === supervisor.id)).toBe(true);
    expect(staff.every((u) => u.role !== "client")).toBe(true);
  });

  it("updates display name and disables a user", async () => {
    const user = await seedUser(t.db);
    const disabledAt = new Date().toISOString();
    const updated = await updateUser(t.db, user.id, { display_name: "佐藤 花子", disabled_at: disabledAt });
    expect(updated).toMatchObject({ display_name: "佐藤 花子", disabled_at: disabledAt });
  });

  it("lets a client update only its own contract's users", async () => {
    const a = await seedContract(t.db);
    const b = await seedContract(t.db);
    const member = await seedUser(t.db, { role: "client", contract_id: a.id, client_role: "member" });
    expect(await updateClientUser(t.db, b.id, member.id, { display_name: "他社" })).toBeUndefined();
    expect((await getUserById(t.db, member.id))?.display_name).toBe(member.display_name);
    expect(await updateClientUser(t.db, a.id, member.id, { display_name: "自社" })).toMatchObject({ display_name: "自社" });
  });

  it("inserts a user with every field given", async () => {
    const contract = await seedContract(t.db);
    const user = await insertUser(t.db, {
      email: "owner@client.example",
      password_hash: "h",
      display_name: "Owner",
      role: "client",
      contract_id: contract.id,
      client_role: "owner",
      locale: "en",
    });
    expect(user).toMatchObject({ locale: "en", client_role: "owner", mailbox: null, disabled_at: null });
  });
});
