import { expect, it } from "vitest";
import { conflictOf } from "./conflicts.ts";
import { insertRosterMember } from "./queries/roster.ts";
import { forEachDialect, randomNumber, seedContract, seedUser } from "./testing.ts";

const refusalOf = async (write: Promise<unknown>) => {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  const refusal = conflictOf(error);
  return refusal && { code: refusal.code, fields: refusal.fields.map((f) => [f.path, f.code]) };
};

forEachDialect("conflicts", (t) => {
  it("a taken forwarded number is NUMBER_TAKEN at the numbers field", async () => {
    const number = randomNumber();
    await seedContract(t.db, { numbers: [number] });
    expect(await refusalOf(seedContract(t.db, { numbers: [number] }))).toEqual({ code: "NUMBER_TAKEN", fields: [["numbers", "NUMBER_TAKEN"]] });
  });

  it("a taken email or mailbox is EMAIL_TAKEN or MAILBOX_TAKEN at its field", async () => {
    const user = await seedUser(t.db);
    expect(await refusalOf(seedUser(t.db, { email: user.email }))).toEqual({ code: "EMAIL_TAKEN", fields: [["email", "EMAIL_TAKEN"]] });
    expect(await refusalOf(seedUser(t.db, { mailbox: user.mailbox }))).toEqual({ code: "MAILBOX_TAKEN", fields: [["mailbox", "MAILBOX_TAKEN"]] });
  });

  it("any other UNIQUE violation is a lost race: CHANGED_MEANWHILE", async () => {
    const contract = await seedContract(t.db);
    const member = { name: "a", reportAddress: "a@client.example", addressKind: "person" as const };
    await insertRosterMember(t.db, contract.id, member);
    const duplicate = t.db
      .insertInto("roster_members")
      .values({ ...member, id: crypto.randomUUID(), contractId: contract.id, position: 1 })
      .execute();
    expect(await refusalOf(duplicate)).toEqual({ code: "CHANGED_MEANWHILE", fields: [] });
  });

  it("other errors are not conflicts", async () => {
    expect(conflictOf(new Error("boom"))).toBeUndefined();
    expect(await refusalOf(t.db.insertInto("contracts").values({ id: "x", agencyId: "no-such-agency", legalEntityName: "x", answerName: "x" }).execute())).toBeUndefined();
  });
});
