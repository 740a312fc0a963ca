import type { Kysely } from "kysely";

// Migrations see the database as it was when they were written, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The supervisor's desk:
 * - one roster member per place: a UNIQUE (contract_id, position), so two members added at the
 *   same moment can never both become number 4 (rosters already holding such a tie are first
 *   renumbered 1..n in their current order);
 * - `outbox.retry_since`: when the current run of delivery attempts began (a supervisor's retry
 *   starts a new one), so the give-up horizon is counted from there, not from the first queueing;
 * - the indexes the figures and the billing count read by: calls by ring time (covering every
 *   column they aggregate, so a month is read from the index alone, however long the history),
 *   reports by time and outcome, and the audit log by time.
 */
export async function up(db: AnyDb): Promise<void> {
  // Before the constraint: every roster renumbered 1..n in its order (position, then id), which
  // changes nothing on a roster that never raced.
  // Aliases without underscores: the app's CamelCasePlugin would rename `contract_id` in the rows.
  const members: Array<{ id: string; contract: string; position: number }> = await db
    .selectFrom("roster_members")
    .select(["id", "contract_id as contract", "position"])
    .orderBy("contract_id")
    .orderBy("position")
    .orderBy("id")
    .execute();
  let place = 0;
  let contract = "";
  for (const member of members) {
    place = member.contract === contract ? place + 1 : 1;
    contract = member.contract;
    if (Number(member.position) !== place) {
      await db.updateTable("roster_members").set({ position: place }).where("id", "=", member.id).execute();
    }
  }
  await db.schema.dropIndex("roster_members_contract_position_idx").execute();
  await db.schema
    .createIndex("roster_members_contract_position_unique")
    .on("roster_members")
    .columns(["contract_id", "position"])
    .unique()
    .execute();

  await db.schema.alterTable("outbox").addColumn("retry_since", "text").execute();

  await db.schema
    .createIndex("calls_ring_at_figures_idx")
    .on("calls")
    .columns(["ring_at", "status", "source", "answered_at", "claimed_by", "contract_id"])
    .execute();
  await db.schema.createIndex("reports_received_outcome_idx").on("reports").columns(["received_at", "outcome"]).execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").columns(["at", "id"]).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("audit_log_at_idx").execute();
  await db.schema.dropIndex("reports_received_outcome_idx").execute();
  await db.schema.dropIndex("calls_ring_at_figures_idx").execute();
  await db.schema.alterTable("outbox").dropColumn("retry_since").execute();
  await db.schema.dropIndex("roster_members_contract_position_unique").execute();
  await db.schema.createIndex("roster_members_contract_position_idx").on("roster_members").columns(["contract_id", "position"]).execute();
}
