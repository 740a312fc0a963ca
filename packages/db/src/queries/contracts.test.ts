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
    const agency = await insertAgency(t.db, { name: "受付電話代行", mail_domain: "uketsuke.example" });
    expect(await getAgency(t.db)).toEqual(agency);
  });
});

forEachDialect("contracts", (t) => {
  it("inserts a contract with its numbers and reads it back", async () => {
    const agency = await seedAgency(t.db);
    const numbers = [randomNumber(), randomNumber()];
    const contract = await insertContract(t.db, {
      agency_id: agency.id,
      legal_entity_name: "株式会社山田商事",
      answer_name: "山田商事",
      numbers,
    });
    expect(contract).toMatchObject({ answer_name: "山田商事", script: "", status: "active" });
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
      answer_name: "新テスト商事",
      script: "お電話ありがとうございます。",
      status: "suspended",
    });
    expect(updated).toMatchObject({ answer_name: "新テスト商事", script: "お電話ありがとうございます。", status: "suspended" });
    expect(updated && updated.updated_at >= contract.updated_at).toBe(true);
    expect(await updateContract(t.db, "no-such-contract", { status: "ended" })).toBeUndefined();
  });

  it("lists contracts with numbers, roster size and open callbacks", async () => {
    const contract = await seedContract(t.db);
    const operator = await seedUser(t.db);
    await insertRosterMember(t.db, contract.id, { name: "山田", report_address: "y@c.example", address_kind: "person" });
    await insertRosterMember(t.db, contract.id, { name: "佐藤", report_address: "s@c.example", address_kind: "person" });
    const report = await seedReport(t.db, contract.id, operator.id, { callback_requested: true });
    await insertCallback(t.db, { report_id: report.id, contract_id: contract.id, requested_at: report.received_at });
    const row = (await listContracts(t.db)).find((c) => c.id === contract.id);
    expect(row).toMatchObject({ numbers: contract.numbers, roster_count: 2, open_callback_count: 1 });
  });
});
