import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { expect, it } from "vitest";
import { createDb } from "../connect.ts";
import { seedContract, seedUser } from "../testing.ts";
import { insertOutbox, markCaptured, claimDueOutbox } from "../queries/outbox.ts";
import { migrationProvider } from "./index.ts";

// SQLite cannot alter a CHECK, so the dashboard's migration rebuilds the outbox: the mail
// already in it, the captured copies that point at it and its indexes must all come through.
it("rebuilds SQLite's outbox for the notice kind without losing a row, a reference or an index", async () => {
  const dir = mkdtempSync(join(tmpdir(), "uketsuke-migration-"));
  const { db, close } = createDb(join(dir, "db.sqlite"));
  try {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const before = await migrator.migrateTo("2026-12-01T1400-desk");
    expect(before.error).toBeUndefined();
    const contract = await seedContract(db);
    const op = await seedUser(db);
    // Straight into the table: the query functions of today also fill tables later migrations add.
    const report = await db
      .insertInto("reports")
      .values({ id: randomUUID(), contractId: contract.id, operatorId: op.id, receivedAt: new Date().toISOString(), routedName: "代表", routedAddress: "desk@client.example", routingReason: "not_named", message: "お電話がありました。", callbackRequested: 0, outcome: "message", subject: "s", bodyText: "t", bodyHtml: "h", messageId: `<r.${randomUUID()}@agency.example>` })
      .returning("id")
      .executeTakeFirstOrThrow();
    const queued = await insertOutbox(db, { kind: "report", reportId: report.id, messageId: "<m1@agency.example>", fromAddress: "a@agency.example", toAddresses: ["b@client.example"], subject: "s", bodyText: "t", bodyHtml: "h" });
    await claimDueOutbox(db, { nowIso: new Date(Date.now() + 60_000).toISOString(), limit: 10, lockForMs: 60_000 });
    await markCaptured(db, queued.id, new Date().toISOString());
    await expect(sql`insert into outbox (id, kind, message_id, from_address, to_addresses, subject, body_text, body_html) values ('x', 'notice', '<n@a>', 'a', '[]', 's', 't', 'h')`.execute(db)).rejects.toThrow(/CHECK/);

    const after = await migrator.migrateToLatest();
    expect(after.error).toBeUndefined();
    const rows = await db.selectFrom("outbox").select(["id", "status", "reportId"]).execute();
    expect(rows).toEqual([{ id: queued.id, status: "captured", reportId: report.id }]);
    expect(await db.selectFrom("captured_mail").select("outboxId").execute()).toEqual([{ outboxId: queued.id }]);
    const indexes = (await sql<{ name: string }>`select name from sqlite_schema where type = 'index' and tbl_name = 'outbox' and sql is not null`.execute(db)).rows.map((r) => r.name).sort();
    expect(indexes).toEqual(["outbox_report_idx", "outbox_status_next_attempt_idx"]);
    // The new kind goes in; an unknown one still does not; foreign keys are enforced again.
    await insertOutbox(db, { kind: "notice", messageId: "<n1@agency.example>", fromAddress: "notice@agency.example", toAddresses: ["o@client.example"], subject: "s", bodyText: "t", bodyHtml: "h" });
    await expect(sql`insert into outbox (id, kind, message_id, from_address, to_addresses, subject, body_text, body_html) values ('y', 'spam', '<s@a>', 'a', '[]', 's', 't', 'h')`.execute(db)).rejects.toThrow(/CHECK/);
    await expect(sql`insert into outbox (id, kind, report_id, message_id, from_address, to_addresses, subject, body_text, body_html) values ('z', 'report', 'no-such-report', '<z@a>', 'a', '[]', 's', 't', 'h')`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
    expect((await sql<{ foreignKeys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreignKeys).toBe(1);

    // And back down, notices gone, the old check in place.
    const down = await migrator.migrateTo("2026-12-01T1400-desk");
    expect(down.error).toBeUndefined();
    expect(await db.selectFrom("outbox").select("id").execute()).toEqual([{ id: queued.id }]);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});
