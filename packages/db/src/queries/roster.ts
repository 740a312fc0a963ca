import { sql } from "kysely";
import { dialectOf, inTransaction, isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { AddressKind, ListPolicy } from "@uketsuke/domain";
import type { RosterMemberRow } from "../schema.ts";

// The roster is ordered: position 1 is the default recipient of any call that names no one
// or someone not on it (R7). Every write keeps positions 1..n without gaps.

export interface NewRosterMemberInput {
  id?: string;
  name: string;
  nameKana?: string | null;
  department?: string | null;
  reportAddress: string;
  addressKind: AddressKind;
  listPolicy?: ListPolicy | null;
}

/** What is stored of a member: absent optional fields as null, and a list policy only on a list. */
const columns = (member: NewRosterMemberInput) => ({
  name: member.name,
  nameKana: member.nameKana ?? null,
  department: member.department ?? null,
  reportAddress: member.reportAddress,
  addressKind: member.addressKind,
  listPolicy: member.addressKind === "list" ? (member.listPolicy ?? null) : null,
});

export function listRoster(db: Executor, contractId: string): Promise<RosterMemberRow[]> {
  return db
    .selectFrom("roster_members")
    .selectAll()
    .where("contractId", "=", contractId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export function getRosterMember(db: Executor, contractId: string, memberId: string): Promise<RosterMemberRow | undefined> {
  return db
    .selectFrom("roster_members")
    .selectAll()
    .where("contractId", "=", contractId)
    .where("id", "=", memberId)
    .executeTakeFirst();
}

/**
 * Writes that renumber a roster take turns: two members added at once must not both take
 * max + 1 (UNIQUE (contract_id, position) would refuse the second), nor an add read the
 * bottom while a removal closes a gap. On PostgreSQL the contract's row is locked for the
 * transaction; SQLite has one writer, so its writes take turns already.
 */
async function lockRoster(trx: Executor, contractId: string): Promise<void> {
  if (dialectOf(trx) === "postgres") {
    await trx.selectFrom("contracts").select("id").where("id", "=", contractId).forUpdate().execute();
  }
}

/** Adds a member at the bottom of the roster. */
export function insertRosterMember(
  db: Executor,
  contractId: string,
  member: NewRosterMemberInput,
): Promise<RosterMemberRow> {
  const now = isoNow();
  return inTransaction(db, async (trx) => {
    await lockRoster(trx, contractId);
    const { max } = await trx
      .selectFrom("roster_members")
      .select((eb) => eb.fn.max("position").as("max"))
      .where("contractId", "=", contractId)
      .executeTakeFirstOrThrow();
    return trx
      .insertInto("roster_members")
      .values({
        ...columns(member),
        id: member.id ?? newId(),
        contractId,
        position: Number(max ?? 0) + 1,
        createdAt: now,
        updatedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Replaces a member's name and address (its place on the roster stays). */
export function updateRosterMember(
  db: Executor,
  contractId: string,
  memberId: string,
  member: NewRosterMemberInput,
): Promise<RosterMemberRow | undefined> {
  return db
    .updateTable("roster_members")
    .set({ ...columns(member), updatedAt: isoNow() })
    .where("contractId", "=", contractId)
    .where("id", "=", memberId)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a member and moves everyone below it up one place; false if not on this roster. */
export function removeRosterMember(db: Executor, contractId: string, memberId: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await lockRoster(trx, contractId);
    const removed = await trx
      .deleteFrom("roster_members")
      .where("contractId", "=", contractId)
      .where("id", "=", memberId)
      .returning("position")
      .executeTakeFirst();
    if (!removed) return false;
    // In two steps, through negative places: UNIQUE (contract_id, position) is checked row by
    // row, and moving 3 → 2 before 2 has moved would collide.
    await trx
      .updateTable("roster_members")
      .set((eb) => ({ position: eb(eb.neg(eb.ref("position")), "+", 1), updatedAt: isoNow() }))
      .where("contractId", "=", contractId)
      .where("position", ">", removed.position)
      .execute();
    await trx
      .updateTable("roster_members")
      .set((eb) => ({ position: eb.neg(eb.ref("position")) }))
      .where("contractId", "=", contractId)
      .where("position", "<", 0)
      .execute();
    return true;
  });
}

/**
 * Writes positions 1..n in the order of `orderedIds`. The caller has checked that the ids are
 * exactly this contract's roster.
 */
export async function saveRosterOrder(db: Executor, contractId: string, orderedIds: string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  // Positions go in as literals: a bound parameter inside CASE is typed text on PostgreSQL.
  const position = sql<number>`case ${sql.join(
    orderedIds.map((id, i) => sql`when id = ${id} then ${sql.lit(i + 1)}`),
    sql` `,
  )} end`;
  // Two steps, through negative places, in one transaction: UNIQUE (contract_id, position) is
  // checked row by row, so swapping 1 and 2 in a single UPDATE would collide halfway.
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("roster_members")
      .set((eb) => ({ position: eb.neg(eb.ref("position")) }))
      .where("contractId", "=", contractId)
      .where("id", "in", orderedIds)
      .execute();
    await trx
      .updateTable("roster_members")
      .set({ position, updatedAt: isoNow() })
      .where("contractId", "=", contractId)
      .where("id", "in", orderedIds)
      .execute();
  });
}
