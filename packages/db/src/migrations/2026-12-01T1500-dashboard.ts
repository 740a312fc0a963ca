import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../executor.ts";

// Migrations see the database as it was when they were written, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const KINDS_BEFORE = ["report", "reminder"];
/** "notice": the mail that tells a contract's owner where its reports now go. */
const KINDS_AFTER = ["report", "reminder", "notice"];

const kindCheck = (kinds: readonly string[]) => sql`check (kind in (${sql.join(kinds.map((k) => sql.lit(k)))}))`;

/**
 * The dashboard's additions: a roster member's department, a third kind of outbox mail, and the
 * indexes a report's timeline reads by.
 * PostgreSQL swaps the CHECK constraint; SQLite cannot alter one, so it rebuilds the outbox
 * table the way SQLite documents (foreign keys off, create, copy, drop, rename, indexes, check).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("roster_members").addColumn("department", "text").execute();
  await setOutboxKinds(db, KINDS_AFTER);
  // A report's timeline: its mails, and the first time it was opened.
  await db.schema.createIndex("outbox_report_idx").on("outbox").column("report_id").execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity_id", "action"]).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("audit_log_entity_idx").execute();
  await db.schema.dropIndex("outbox_report_idx").execute();
  await db.deleteFrom("outbox").where("kind", "=", "notice").execute();
  await setOutboxKinds(db, KINDS_BEFORE);
  await db.schema.alterTable("roster_members").dropColumn("department").execute();
}

export async function setOutboxKinds(db: AnyDb, kinds: readonly string[]): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
    await sql`alter table outbox add constraint outbox_kind_check ${kindCheck(kinds)}`.execute(db);
    return;
  }
  // SQLite keeps a CHECK in the table's own SQL. Rebuild from that SQL with only the kind list
  // changed, so every column and index the table has by now (whoever added it) comes along.
  // Outside a transaction (Kysely runs SQLite migrations without one): the pragma is ignored inside.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'outbox'`.execute(trx);
      const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = 'outbox' and sql is not null`.execute(trx);
      const before = table.rows[0]?.sql ?? "";
      const check = /("kind"|kind) in \([^)]*\)/;
      if (!check.test(before)) throw new Error("outbox has no kind check to change");
      const rebuilt = before
        .replace(/^create table "?outbox"?/i, 'create table "outbox_rebuilt"')
        .replace(check, `"kind" in (${kinds.map((k) => `'${k}'`).join(", ")})`);
      await sql.raw(rebuilt).execute(trx);
      await sql`insert into outbox_rebuilt select * from outbox`.execute(trx);
      await sql`drop table outbox`.execute(trx);
      await sql`alter table outbox_rebuilt rename to outbox`.execute(trx);
      for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`outbox rebuild broke ${broken.rows.length} foreign keys`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
