import { inTransaction, isoNow, newId, toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { ContractStatus } from "@uketsuke/domain";
import type { Contract } from "../schema.ts";

export type ContractWithNumbers = Contract & { numbers: string[] };
export type ContractSummary = ContractWithNumbers & { rosterCount: number; openCallbackCount: number };

export interface NewContractInput {
  id?: string;
  agencyId: string;
  legalEntityName: string;
  answerName: string;
  script?: string;
  status?: ContractStatus;
  /** E.164 numbers forwarded to the agency for this contract. */
  numbers?: string[];
}

export interface ContractPatch {
  answerName?: string;
  script?: string;
  status?: ContractStatus;
}

export function insertContract(db: Executor, input: NewContractInput): Promise<ContractWithNumbers> {
  const { numbers = [], ...contract } = input;
  const now = isoNow();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("contracts")
      .values({ createdAt: now, updatedAt: now, ...contract, id: contract.id ?? newId() })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (numbers.length > 0) {
      await trx
        .insertInto("contract_numbers")
        .values(numbers.map((number) => ({ number, contractId: row.id, createdAt: now })))
        .execute();
    }
    return { ...row, numbers: [...numbers].sort() };
  });
}

async function numbersOf(db: Executor, contractIds: string[]): Promise<Map<string, string[]>> {
  const byContract = new Map<string, string[]>(contractIds.map((id) => [id, []]));
  if (contractIds.length === 0) return byContract;
  const rows = await db
    .selectFrom("contract_numbers")
    .select(["contractId", "number"])
    .where("contractId", "in", contractIds)
    .orderBy("number")
    .execute();
  for (const r of rows) byContract.get(r.contractId)?.push(r.number);
  return byContract;
}

export async function getContract(db: Executor, contractId: string): Promise<ContractWithNumbers | undefined> {
  const row = await db.selectFrom("contracts").selectAll().where("id", "=", contractId).executeTakeFirst();
  if (!row) return undefined;
  const numbers = await numbersOf(db, [row.id]);
  return { ...row, numbers: numbers.get(row.id) ?? [] };
}

/** Every contract for the console, with its numbers and what a supervisor scans for. */
export async function listContracts(db: Executor): Promise<ContractSummary[]> {
  const rows = await db
    .selectFrom("contracts")
    .selectAll("contracts")
    .select((eb) => [
      eb
        .selectFrom("roster_members")
        .select(eb.fn.countAll().as("n"))
        .whereRef("roster_members.contractId", "=", "contracts.id")
        .as("rosterCount"),
      eb
        .selectFrom("callbacks")
        .select(eb.fn.countAll().as("n"))
        .whereRef("callbacks.contractId", "=", "contracts.id")
        .where("callbacks.status", "=", "open")
        .as("openCallbackCount"),
    ])
    .orderBy("contracts.answerName")
    .orderBy("contracts.id")
    .execute();
  const numbers = await numbersOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...r,
    rosterCount: toCount(r.rosterCount),
    openCallbackCount: toCount(r.openCallbackCount),
    numbers: numbers.get(r.id) ?? [],
  }));
}

export function updateContract(db: Executor, contractId: string, patch: ContractPatch): Promise<Contract | undefined> {
  return db
    .updateTable("contracts")
    .set({ ...patch, updatedAt: isoNow() })
    .where("id", "=", contractId)
    .returningAll()
    .executeTakeFirst();
}

/** The contract a forwarded number belongs to: the `to` of a ring event selects it. */
export function findContractByNumber(db: Executor, number: string): Promise<Contract | undefined> {
  return db
    .selectFrom("contract_numbers")
    .innerJoin("contracts", "contracts.id", "contract_numbers.contractId")
    .selectAll("contracts")
    .where("contract_numbers.number", "=", number)
    .executeTakeFirst();
}

/** Adds a number to a contract; false when the number already belongs to a contract. */
export async function addContractNumber(db: Executor, contractId: string, number: string): Promise<boolean> {
  const row = await db
    .insertInto("contract_numbers")
    .values({ number, contractId: contractId, createdAt: isoNow() })
    .onConflict((oc) => oc.column("number").doNothing())
    .returning("number")
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeContractNumber(db: Executor, contractId: string, number: string): Promise<boolean> {
  const result = await db
    .deleteFrom("contract_numbers")
    .where("contractId", "=", contractId)
    .where("number", "=", number)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
