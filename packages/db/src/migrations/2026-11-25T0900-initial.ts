import { sql } from "kysely";
import type { ColumnDefinitionBuilder, Kysely, RawBuilder } from "kysely";
import { dialectOf } from "../executor.ts";

// Migrations see the database as it was when they were written, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** `column IN ('a', 'b')` as literals: DDL takes no bound parameters. */
function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

const flag = (column: string): RawBuilder<unknown> => sql`${sql.ref(column)} in (0, 1)`;

export async function up(db: AnyDb): Promise<void> {
  // The one dialect-aware piece: a default "now" in the same ISO form the app writes.
  const now =
    dialectOf(db) === "postgres"
      ? sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
      : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
  const stamp = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(now);
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey();
  const req = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable("agencies")
    .addColumn("id", "text", id)
    .addColumn("name", "text", req)
    .addColumn("mail_domain", "text", req)
    .addColumn("created_at", "text", stamp)
    .execute();

  await db.schema
    .createTable("contracts")
    .addColumn("id", "text", id)
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id"))
    .addColumn("legal_entity_name", "text", req)
    .addColumn("answer_name", "text", req)
    .addColumn("script", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("created_at", "text", stamp)
    .addColumn("updated_at", "text", stamp)
    .addCheckConstraint("contracts_status_check", oneOf("status", ["active", "suspended", "ended"]))
    .execute();

  await db.schema
    .createTable("contract_numbers")
    .addColumn("number", "text", id)
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("created_at", "text", stamp)
    .execute();
  await db.schema.createIndex("contract_numbers_contract_idx").on("contract_numbers").column("contract_id").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", id)
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", req)
    .addColumn("display_name", "text", req)
    .addColumn("role", "text", req)
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("client_role", "text")
    .addColumn("mailbox", "text", (c) => c.unique())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("ja"))
    .addColumn("created_at", "text", stamp)
    .addColumn("disabled_at", "text")
    .addCheckConstraint("users_role_check", oneOf("role", ["client", "operator", "supervisor"]))
    .addCheckConstraint("users_client_role_check", sql`client_role is null or client_role in ('owner', 'member')`)
    .addCheckConstraint("users_locale_check", oneOf("locale", ["ja", "en"]))
    // A client belongs to exactly one contract; staff belong to none.
    .addCheckConstraint(
      "users_contract_check",
      sql`(role = 'client' and contract_id is not null) or (role <> 'client' and contract_id is null and client_role is null)`,
    )
    .execute();
  await db.schema.createIndex("users_contract_idx").on("users").column("contract_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", id)
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", stamp)
    .addColumn("expires_at", "text", req)
    .addColumn("last_seen_at", "text", stamp)
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "text", id)
    .addColumn("email", "text", req)
    .addColumn("ip", "text")
    .addColumn("at", "text", stamp)
    .addColumn("success", "integer", req)
    .addCheckConstraint("login_attempts_success_check", flag("success"))
    .execute();
  await db.schema.createIndex("login_attempts_email_at_idx").on("login_attempts").columns(["email", "at"]).execute();

  await db.schema
    .createTable("roster_members")
    .addColumn("id", "text", id)
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("position", "integer", req)
    .addColumn("name", "text", req)
    .addColumn("name_kana", "text")
    .addColumn("report_address", "text", req)
    .addColumn("address_kind", "text", req)
    .addColumn("list_policy", "text")
    .addColumn("created_at", "text", stamp)
    .addColumn("updated_at", "text", stamp)
    .addCheckConstraint("roster_members_address_kind_check", oneOf("address_kind", ["person", "list"]))
    .addCheckConstraint("roster_members_list_policy_check", sql`list_policy is null or list_policy = 'open'`)
    .execute();
  // Not unique: a reorder rewrites positions row by row, and the order is what matters.
  await db.schema
    .createIndex("roster_members_contract_position_idx")
    .on("roster_members")
    .columns(["contract_id", "position"])
    .execute();

  await db.schema
    .createTable("wrong_number_entries")
    .addColumn("id", "text", id)
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("company_name", "text", req)
    .addColumn("company_name_kana", "text")
    .addColumn("numbers", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("typical_calls", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", stamp)
    .addColumn("updated_at", "text", stamp)
    .execute();
  await db.schema
    .createIndex("wrong_number_entries_contract_idx")
    .on("wrong_number_entries")
    .column("contract_id")
    .execute();

  await db.schema
    .createTable("calls")
    .addColumn("id", "text", id)
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("external_id", "text", (c) => c.unique())
    .addColumn("from_number", "text", req)
    .addColumn("to_number", "text", req)
    .addColumn("direction", "text", req)
    .addColumn("status", "text", req)
    .addColumn("source", "text", req)
    .addColumn("claimed_by", "text", (c) => c.references("users.id"))
    .addColumn("ring_at", "text", req)
    .addColumn("answered_at", "text")
    .addColumn("ended_at", "text")
    .addColumn("created_at", "text", stamp)
    .addCheckConstraint("calls_direction_check", oneOf("direction", ["inbound", "outbound"]))
    .addCheckConstraint("calls_status_check", oneOf("status", ["ringing", "answered", "ended", "missed", "closed"]))
    .addCheckConstraint("calls_source_check", oneOf("source", ["telephony", "manual"]))
    .execute();
  await db.schema.createIndex("calls_status_ring_at_idx").on("calls").columns(["status", "ring_at"]).execute();

  await db.schema
    .createTable("call_events")
    .addColumn("id", "text", id)
    .addColumn("external_call_id", "text", req)
    .addColumn("event", "text", req)
    .addColumn("received_at", "text", stamp)
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .addCheckConstraint("call_events_event_check", oneOf("event", ["ring", "answer", "hangup"]))
    // Providers retry webhooks: the second delivery of the same event must change nothing.
    .addUniqueConstraint("call_events_external_event_unique", ["external_call_id", "event"])
    .execute();

  await db.schema
    .createTable("reports")
    .addColumn("id", "text", id)
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("call_id", "text", (c) => c.unique().references("calls.id"))
    .addColumn("operator_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("received_at", "text", req)
    .addColumn("caller_company", "text")
    .addColumn("caller_name", "text")
    .addColumn("callback_number", "text")
    .addColumn("requested_person", "text")
    // A report outlives the roster member or registry entry it was routed by.
    .addColumn("routed_member_id", "text", (c) => c.references("roster_members.id").onDelete("set null"))
    .addColumn("routed_name", "text", req)
    .addColumn("routed_address", "text", req)
    .addColumn("routing_reason", "text", req)
    .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("callback_requested", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outcome", "text", req)
    .addColumn("wrong_number_entry_id", "text", (c) =>
      c.references("wrong_number_entries.id").onDelete("set null"),
    )
    .addColumn("subject", "text", req)
    .addColumn("body_text", "text", req)
    .addColumn("body_html", "text", req)
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", stamp)
    .addCheckConstraint(
      "reports_routing_reason_check",
      oneOf("routing_reason", ["named", "not_named", "not_found", "ambiguous"]),
    )
    .addCheckConstraint("reports_callback_requested_check", flag("callback_requested"))
    .addCheckConstraint(
      "reports_outcome_check",
      oneOf("outcome", ["message", "wrong_number", "test_call", "other_company"]),
    )
    .execute();
  await db.schema
    .createIndex("reports_contract_received_idx")
    .on("reports")
    .columns(["contract_id", "received_at"])
    .execute();

  await db.schema
    .createTable("callbacks")
    .addColumn("id", "text", id)
    .addColumn("report_id", "text", (c) => c.notNull().unique().references("reports.id"))
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("requested_at", "text", req)
    .addColumn("done_at", "text")
    .addColumn("done_by", "text", (c) => c.references("users.id"))
    .addColumn("last_reminded_at", "text")
    .addColumn("reminder_count", "integer", (c) => c.notNull().defaultTo(0))
    .addCheckConstraint("callbacks_status_check", oneOf("status", ["open", "done"]))
    .execute();
  await db.schema.createIndex("callbacks_contract_status_idx").on("callbacks").columns(["contract_id", "status"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", id)
    .addColumn("kind", "text", req)
    .addColumn("report_id", "text", (c) => c.references("reports.id"))
    .addColumn("callback_id", "text", (c) => c.references("callbacks.id"))
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("from_address", "text", req)
    .addColumn("to_addresses", "text", req)
    .addColumn("subject", "text", req)
    .addColumn("body_text", "text", req)
    .addColumn("body_html", "text", req)
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", stamp)
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", stamp)
    .addCheckConstraint("outbox_kind_check", oneOf("kind", ["report", "reminder"]))
    .addCheckConstraint("outbox_status_check", oneOf("status", ["pending", "sending", "sent", "captured", "failed"]))
    .execute();
  await db.schema
    .createIndex("outbox_status_next_attempt_idx")
    .on("outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("captured_mail")
    .addColumn("id", "text", id)
    .addColumn("outbox_id", "text", (c) => c.notNull().references("outbox.id"))
    .addColumn("message_id", "text", req)
    .addColumn("from_address", "text", req)
    .addColumn("to_addresses", "text", req)
    .addColumn("subject", "text", req)
    .addColumn("body_text", "text", req)
    .addColumn("body_html", "text", req)
    .addColumn("captured_at", "text", stamp)
    .execute();

  // No foreign keys: the audit trail must outlive whatever it mentions.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", id)
    .addColumn("at", "text", stamp)
    .addColumn("actor_user_id", "text")
    .addColumn("actor_role", "text")
    .addColumn("contract_id", "text")
    .addColumn("action", "text", req)
    .addColumn("entity", "text", req)
    .addColumn("entity_id", "text")
    .addColumn("detail", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("audit_log_contract_at_idx").on("audit_log").columns(["contract_id", "at"]).execute();
}

export async function down(db: AnyDb): Promise<void> {
  const tables = [
    "audit_log",
    "captured_mail",
    "outbox",
    "callbacks",
    "reports",
    "call_events",
    "calls",
    "wrong_number_entries",
    "roster_members",
    "login_attempts",
    "sessions",
    "users",
    "contract_numbers",
    "contracts",
    "agencies",
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
