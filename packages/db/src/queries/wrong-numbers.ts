import { isoNow, newId, parseJsonArray } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { WrongNumberEntryRow } from "../schema.ts";

// The companies callers confuse a client with (R6): the console matches what the caller says
// against these, so an operator can tell a caller they have the wrong number.

export type WrongNumberEntry = Omit<WrongNumberEntryRow, "numbers"> & { numbers: string[] };

export interface NewWrongNumberEntryInput {
  id?: string;
  company_name: string;
  company_name_kana?: string | null;
  numbers: string[];
  typical_calls: string;
}

export type WrongNumberEntryPatch = Partial<Omit<NewWrongNumberEntryInput, "id">>;

const decode = (row: WrongNumberEntryRow): WrongNumberEntry => ({ ...row, numbers: parseJsonArray(row.numbers) });

export async function listWrongNumbers(db: Executor, contractId: string): Promise<WrongNumberEntry[]> {
  const rows = await db
    .selectFrom("wrong_number_entries")
    .selectAll()
    .where("contract_id", "=", contractId)
    .orderBy("company_name")
    .orderBy("id")
    .execute();
  return rows.map(decode);
}

export async function getWrongNumber(
  db: Executor,
  contractId: string,
  entryId: string,
): Promise<WrongNumberEntry | undefined> {
  const row = await db
    .selectFrom("wrong_number_entries")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  return row && decode(row);
}

export async function insertWrongNumber(
  db: Executor,
  contractId: string,
  entry: NewWrongNumberEntryInput,
): Promise<WrongNumberEntry> {
  const now = isoNow();
  const row = await db
    .insertInto("wrong_number_entries")
    .values({
      ...entry,
      id: entry.id ?? newId(),
      contract_id: contractId,
      numbers: JSON.stringify(entry.numbers),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return decode(row);
}

export async function updateWrongNumber(
  db: Executor,
  contractId: string,
  entryId: string,
  patch: WrongNumberEntryPatch,
): Promise<WrongNumberEntry | undefined> {
  const { numbers, ...rest } = patch;
  const row = await db
    .updateTable("wrong_number_entries")
    .set({ ...rest, ...(numbers && { numbers: JSON.stringify(numbers) }), updated_at: isoNow() })
    .where("contract_id", "=", contractId)
    .where("id", "=", entryId)
    .returningAll()
    .executeTakeFirst();
  return row && decode(row);
}

export async function removeWrongNumber(db: Executor, contractId: string, entryId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("wrong_number_entries")
    .where("contract_id", "=", contractId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
