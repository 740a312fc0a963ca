import { randomUUID } from "node:crypto";
import { Migrator, sql } from "kysely";
import { expect, it } from "vitest";
import { forEachDialect, seedContract, seedReport, seedUser } from "../testing.ts";
import { listReports } from "../queries/reports.ts";
import { migrationProvider } from "./index.ts";

// Reports saved before search existed are indexed by the migration that made the index; on
// PostgreSQL 2026-12-02T1100 writes the table again with each report's contract and time, on
// SQLite 2026-12-02T1200 changes what the pending list holds: every migration on the way, up
// or down, must keep every report findable, newest first.
forEachDialect("report search migrations", (t) => {
  it("indexes reports saved before the index, and keeps them findable through every later migration", async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo("2026-12-01T1500-dashboard")).error).toBeUndefined();
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const op = await seedUser(t.db);
    const made: Array<{ id: string; contractId: string }> = [];
    // Straight into the table: today's insertReport also writes the index, which is not there yet.
    for (const [i, contractId] of [contract.id, other.id, contract.id, contract.id].entries()) {
      const id = randomUUID();
      await t.db
        .insertInto("reports")
        .values({ id, contractId, operatorId: op.id, receivedAt: `2026-0${i + 1}-15T03:00:00.000Z`, callerName: i === 2 ? "佐藤" : "たなか", routedName: "代表", routedAddress: "desk@client.example", routingReason: "not_named", message: "お電話がありました。", callbackRequested: 0, outcome: "message", subject: "s", bodyText: "t", bodyHtml: "h", messageId: `<r.${id}@agency.example>` })
        .execute();
      made.push({ id, contractId });
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const tanaka = made.filter((r, i) => r.contractId === contract.id && i !== 2).map((r) => r.id).reverse();
    expect((await listReports(t.db, contract.id, { q: "タナカ" })).reports.map((r) => r.id)).toEqual(tanaka);
    expect((await listReports(t.db, contract.id, { q: "タナカ", limit: 1 })).reports.map((r) => r.id)).toEqual(tanaka.slice(0, 1));
    expect((await listReports(t.db, other.id, { q: "田中" })).reports).toEqual([]);
    if (t.dialect === "postgres") {
      const rows = await sql<{ reportId: string; contractId: string; receivedAt: string }>`select report_id, contract_id, received_at from report_search order by received_at`.execute(t.db);
      expect(rows.rows.map((r) => [r.reportId, r.contractId])).toEqual(made.map((r) => [r.id, r.contractId]));
      const indexes = (await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'report_search' order by indexname`.execute(t.db)).rows;
      expect(indexes.map((r) => r.indexname)).toEqual(["report_search_grams_idx", "report_search_pkey"]);
      // Deleting a report still deletes its search row.
      await t.db.deleteFrom("reports").where("id", "=", made[0]?.id ?? "").execute();
      expect(Number((await sql<{ n: string }>`select count(*) as n from report_search`.execute(t.db)).rows[0]?.n)).toBe(3);
    }
    // A save of today (on SQLite, waiting in the pending list), then down and up again on the
    // same data: the list goes into FTS5 on the way down, PostgreSQL's table is rebuilt again.
    const saved = await seedReport(t.db, contract.id, op.id, { callerName: "鬼塚", receivedAt: "2026-06-01T00:00:00.000Z" });
    expect((await migrator.migrateTo("2026-12-02T1100-report-search-order")).error).toBeUndefined();
    let keyed: string | undefined;
    if (t.dialect === "sqlite") {
      // The list as 2026-12-01T1800 made it, holding a report's key: 1200 moves it into FTS5.
      keyed = randomUUID();
      await t.db
        .insertInto("reports")
        .values({ id: keyed, contractId: contract.id, operatorId: op.id, receivedAt: "2026-07-01T00:00:00.000Z", callerName: "鬼塚", routedName: "代表", routedAddress: "desk@client.example", routingReason: "not_named", message: "お電話がありました。", callbackRequested: 0, outcome: "message", subject: "s", bodyText: "t", bodyHtml: "h", messageId: `<r.${keyed}@agency.example>` })
        .execute();
      await sql`insert into report_search (key, report_id, search_text) values (${Date.parse("2026-07-01T00:00:00.000Z") * 1024}, ${keyed}, ${"鬼塚"})`.execute(t.db);
      await sql`insert into report_search_pending (key) values (${Date.parse("2026-07-01T00:00:00.000Z") * 1024})`.execute(t.db);
    }
    expect((await migrator.migrateTo("2026-12-02T1000-report-search-merge")).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await listReports(t.db, contract.id, { q: "佐藤" })).reports.map((r) => r.id)).toEqual([made[2]?.id]);
    expect((await listReports(t.db, contract.id, { q: "鬼塚" })).reports.map((r) => r.id)).toEqual([keyed, saved.id].filter(Boolean));
    expect(Number((await sql<{ n: number }>`select count(*) as n from report_search`.execute(t.db)).rows[0]?.n)).toBe(t.dialect === "sqlite" ? 6 : 4);
  });
});
