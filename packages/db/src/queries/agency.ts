import { isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { Agency } from "../schema.ts";

/** The agency is a single row: its name and the domain every report is sent from (R2). */
export function getAgency(db: Executor): Promise<Agency | undefined> {
  return db.selectFrom("agencies").selectAll().orderBy("createdAt").limit(1).executeTakeFirst();
}

export function insertAgency(db: Executor, agency: { id?: string; name: string; mailDomain: string }): Promise<Agency> {
  return db
    .insertInto("agencies")
    .values({ createdAt: isoNow(), ...agency, id: agency.id ?? newId() })
    .returningAll()
    .executeTakeFirstOrThrow();
}
