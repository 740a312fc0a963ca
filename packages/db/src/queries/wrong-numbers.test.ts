import { expect, it } from "vitest";
import { forEachDialect, randomNumber, seedContract } from "../testing.ts";
import { getWrongNumber, insertWrongNumber, listWrongNumbers, removeWrongNumber, updateWrongNumber } from "./wrong-numbers.ts";

forEachDialect("wrong numbers", (t) => {
  it("stores numbers as a list and reads them back as one", async () => {
    const contract = await seedContract(t.db);
    const numbers = [randomNumber(), randomNumber()];
    const entry = await insertWrongNumber(t.db, contract.id, {
      companyName: "株式会社ヤマダ運輸",
      companyNameKana: "ヤマダウンユ",
      numbers,
      typicalCalls: "配送の問い合わせ",
    });
    expect(entry).toMatchObject({ contractId: contract.id, numbers, companyName: "株式会社ヤマダ運輸" });
    expect(await getWrongNumber(t.db, contract.id, entry.id)).toEqual(entry);
    expect(await listWrongNumbers(t.db, contract.id)).toEqual([entry]);
  });

  it("updates and removes only within its own contract", async () => {
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const entry = await insertWrongNumber(t.db, contract.id, {
      companyName: "山田産業",
      numbers: [],
      typicalCalls: "",
    });
    expect(await getWrongNumber(t.db, other.id, entry.id)).toBeUndefined();
    expect(await listWrongNumbers(t.db, other.id)).toEqual([]);
    expect(await updateWrongNumber(t.db, other.id, entry.id, { companyName: "x", numbers: [], typicalCalls: "" })).toBeUndefined();
    expect(await removeWrongNumber(t.db, other.id, entry.id)).toBe(false);
    expect(await getWrongNumber(t.db, contract.id, entry.id)).toEqual(entry);

    const number = randomNumber();
    const updated = await updateWrongNumber(t.db, contract.id, entry.id, { companyName: "山田産業", numbers: [number], typicalCalls: "求人" });
    expect(updated).toMatchObject({ companyName: "山田産業", numbers: [number], typicalCalls: "求人" });
    expect(await removeWrongNumber(t.db, contract.id, entry.id)).toBe(true);
    expect(await getWrongNumber(t.db, contract.id, entry.id)).toBeUndefined();
  });
});
