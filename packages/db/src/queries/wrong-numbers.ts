import { isoNow, newId, parseJsonArray } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { WrongNumberEntryRow, WrongNumberEntryTable } from "../schema.ts";
import type { Selectable } from "kysely";

// The companies callers confuse a client with (R6): the console matches what the caller says
// against these, so an operator can tell a caller they have the wrong number.

export interface NewWrongNumberEntryInput {
  id?: string;
  companyName: string;
  companyNameKana?: string | null;
  numbers: string[];
  typicalCalls: string;
}

/** What is stored of an entry: absent optional fields as null, the numbers as JSON. */
const columns = (entry: NewWrongNumberEntryInput) => ({
  companyName: entry.companyName,
  companyNameKana: entry.companyNameKana ?? null,
  numbers: JSON.stringify(entry.numbers),
  typicalCalls: entry.typicalCalls,
});

const decode = (row: Selectable<WrongNumberEntryTable>): WrongNumberEntryRow => ({ ...row, numbers: parseJsonArray(row.numbers) });

export async function listWrongNumbers(db: Executor, contractId: string): Promise<WrongNumberEntryRow[]> {
  const rows = await db
    .selectFrom("wrong_number_entries")
    .selectAll()
    .where("contractId", "=", contractId)
    .orderBy("companyName")
    .orderBy("id")
    .execute();
  return rows.map(decode);
}

export async function getWrongNumber(
  db: Executor,
  contractId: string,
  entryId: string,
): Promise<WrongNumberEntryRow | undefined> {
  const row = await db
    .selectFrom("wrong_number_entries")
    .selectAll()
    .where("contractId", "=", contractId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  return row && decode(row);
}

export async function insertWrongNumber(
  db: Executor,
  contractId: string,
  entry: NewWrongNumberEntryInput,
): Promise<WrongNumberEntryRow> {
  const now = isoNow();
  const row = await db
    .insertInto("wrong_number_entries")
    .values({
      ...columns(entry),
      id: entry.id ?? newId(),
      contractId,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return decode(row);
}

/** Replaces an entry's name, reading, numbers and typical calls. */
export async function updateWrongNumber(
  db: Executor,
  contractId: string,
  entryId: string,
  entry: NewWrongNumberEntryInput,
): Promise<WrongNumberEntryRow | undefined> {
  const row = await db
    .updateTable("wrong_number_entries")
    .set({ ...columns(entry), updatedAt: isoNow() })
    .where("contractId", "=", contractId)
    .where("id", "=", entryId)
    .returningAll()
    .executeTakeFirst();
  return row && decode(row);
}

export async function removeWrongNumber(db: Executor, contractId: string, entryId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("wrong_number_entries")
    .where("contractId", "=", contractId)
    .where("id", "=", entryId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
