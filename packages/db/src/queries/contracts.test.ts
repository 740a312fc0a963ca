import { expect, it } from "vitest";
import { forEachDialect, randomNumber, seedAgency, seedContract, seedReport, seedUser } from "../testing.ts";
import { getAgency, insertAgency } from "./agency.ts";
import { insertCallback } from "./callbacks.ts";
import {
  addContractNumber,
  findContractByNumber,
  getContract,
  insertContract,
  listContracts,
  removeContractNumber,
  updateContract,
} from "./contracts.ts";
import { insertRosterMember } from "./roster.ts";

forEachDialect("agency", (t) => {
  it("inserts and reads the one agency row", async () => {
    expect(await getAgency(t.db)).toBeUndefined();
    const agency = await insertAgency(t.db, { name: "受付電話代行", mailDomain: "uketsuke.example" });
    expect(await getAgency(t.db)).toEqual(agency);
  });
});

forEachDialect("contracts", (t) => {
  it("inserts a contract with its numbers and reads it back", async () => {
    const agency = await seedAgency(t.db);
    const numbers = [randomNumber(), randomNumber()];
    const contract = await insertContract(t.db, {
      agencyId: agency.id,
      legalEntityName: "株式会社山田商事",
      answerName: "山田商事",
      numbers,
    });
    expect(contract).toMatchObject({ answerName: "山田商事", script: "", status: "active" });
    expect(await getContract(t.db, contract.id)).toEqual({ ...contract, numbers: [...numbers].sort() });
    expect(await getContract(t.db, "no-such-contract")).toBeUndefined();
  });

  it("finds the contract a forwarded number selects", async () => {
    const contract = await seedContract(t.db);
    const number = contract.numbers[0] ?? "";
    expect((await findContractByNumber(t.db, number))?.id).toBe(contract.id);
    expect(await findContractByNumber(t.db, randomNumber())).toBeUndefined();
  });

  it("gives a number to one contract only", async () => {
    const a = await seedContract(t.db);
    const b = await seedContract(t.db);
    const number = randomNumber();
    expect(await addContractNumber(t.db, a.id, number)).toBe(true);
    expect(await addContractNumber(t.db, b.id, number)).toBe(false);
    expect((await findContractByNumber(t.db, number))?.id).toBe(a.id);
    // Only the owning contract can remove it.
    expect(await removeContractNumber(t.db, b.id, number)).toBe(false);
    expect(await removeContractNumber(t.db, a.id, number)).toBe(true);
    expect(await findContractByNumber(t.db, number)).toBeUndefined();
  });

  it("updates answer name, script and status", async () => {
    const contract = await seedContract(t.db);
    const updated = await updateContract(t.db, contract.id, {
      answerName: "新テスト商事",
      script: "お電話ありがとうございます。",
      status: "suspended",
    });
    expect(updated).toMatchObject({ answerName: "新テスト商事", script: "お電話ありがとうございます。", status: "suspended" });
    expect(updated && updated.updatedAt >= contract.updatedAt).toBe(true);
    expect(await updateContract(t.db, "no-such-contract", { status: "ended" })).toBeUndefined();
  });

  it("lists contracts with numbers, roster size and open callbacks", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    await insertRosterMember(t.db, contract.id, { name: "山田", reportAddress: "y@c.example", addressKind: "person" });
    await insertRosterMember(t.db, contract.id, { name: "佐藤", reportAddress: "s@c.example", addressKind: "person" });
    const report = await seedReport(t.db, contract.id, operator.id, { callbackRequested: true });
    await insertCallback(t.db, { reportId: report.id, contractId: contract.id, requestedAt: report.receivedAt });
    const row = (await listContracts(t.db)).find((c) => c.id === contract.id);
    expect(row).toMatchObject({ numbers: contract.numbers, rosterCount: 2, openCallbackCount: 1 });
  });
});
