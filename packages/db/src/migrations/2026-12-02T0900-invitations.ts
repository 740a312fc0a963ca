import { sql } from "kysely";
import type { Kysely } from "kysely";
import { setOutboxKinds } from "./2026-12-01T1500-dashboard.ts";

// Migrations see the database as it was when they were written, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const KINDS_BEFORE = ["report", "reminder", "notice"];
/** "invitation": the mail that invites an address, or tells its owner it already has an account. */
const KINDS_AFTER = [...KINDS_BEFORE, "invitation"];

/**
 * Invitations (issue 7): adding a person creates one of these, never a user, so the answer cannot
 * tell the inviter whether the address has an account elsewhere. Only an HMAC of the link's token
 * is kept, like sessions. The outbox learns a fourth kind of mail.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Folded to lower case by the schema, like users.email; not unique: several contracts may
    // invite one address, and the first to be accepted takes it.
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("client_role", "text")
    .addColumn("mailbox", "text")
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("ja"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("revoked_at", "text")
    .addCheckConstraint("invitations_role_check", sql`role in ('client', 'operator', 'supervisor')`)
    .addCheckConstraint("invitations_locale_check", sql`locale in ('ja', 'en')`)
    // The user it becomes must pass users_contract_check: a client has a contract and a role in
    // it; staff have neither, and a mailbox to send reports from (R2).
    .addCheckConstraint(
      "invitations_scope_check",
      sql`(role = 'client' and contract_id is not null and client_role in ('owner', 'member') and mailbox is null) or (role <> 'client' and contract_id is null and client_role is null and mailbox is not null)`,
    )
    .execute();
  await db.schema.createIndex("invitations_contract_idx").on("invitations").columns(["contract_id", "created_at"]).execute();
  await db.schema.createIndex("invitations_email_idx").on("invitations").column("email").execute();
  await setOutboxKinds(db, KINDS_AFTER);
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom("outbox").where("kind", "=", "invitation").execute();
  await setOutboxKinds(db, KINDS_BEFORE);
  await db.schema.dropTable("invitations").execute();
}
