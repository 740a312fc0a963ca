import { sql } from "kysely";
import type { Kysely } from "kysely";

// Migrations see the database as it was when they were written, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * One open invitation per address and scope (a contract, or the agency's staff). Inviting an
 * address again revokes its open invitation before inserting the new one, but on PostgreSQL two
 * invitations sent at the same moment each found none to revoke and both links worked. Now the
 * index decides: the second waits for the first and fails on it (and the API runs it again).
 * Open duplicates already there keep only their newest, the others revoked when it was sent.
 */
export async function up(db: AnyDb): Promise<void> {
  const newerOpen = sql`from invitations newer
    where coalesce(newer.contract_id, '') = coalesce(invitations.contract_id, '') and newer.email = invitations.email
      and newer.accepted_at is null and newer.revoked_at is null
      and (newer.created_at, newer.id) > (invitations.created_at, invitations.id)`;
  await sql`update invitations set revoked_at = (select max(newer.created_at) ${newerOpen})
    where accepted_at is null and revoked_at is null and exists (select 1 ${newerOpen})`.execute(db);
  await sql`create unique index invitations_one_open on invitations (coalesce(contract_id, ''), email) where accepted_at is null and revoked_at is null`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("invitations_one_open").execute();
}
