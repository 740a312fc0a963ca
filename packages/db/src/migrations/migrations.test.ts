import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb } from "../connect.ts";
import { forEachDialect } from "../testing.ts";
import { migrateToLatest } from "./index.ts";

forEachDialect("migrations", (t) => {
  it("creates every table, and running again changes nothing", async () => {
    // SQLite's search keeps tables of its own beside report_search (FTS5's, and the pending list).
    const tables = (await t.db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith("report_search_")).sort();
    expect(tables).toEqual([
      "agencies",
      "audit_log",
      "call_events",
      "callbacks",
      "calls",
      "captured_mail",
      "contract_numbers",
      "contracts",
      "figure_day_counts",
      "figure_days",
      "invitations",
      "login_attempts",
      "outbox",
      "report_search",
      "reports",
      "roster_members",
      "sessions",
      "users",
      "wrong_number_entries",
    ]);
    await migrateToLatest(t.db);
  });

  it("names columns in snake_case, which the code reaches in camelCase", async () => {
    const tables = await t.db.introspection.getTables();
    const columns = tables.flatMap((table) => table.columns.map((c) => `${table.name}.${c.name}`));
    expect(columns.filter((name) => !/^[a-z_]+\.[a-z_]+$/.test(name))).toEqual([]);
    expect(columns).toEqual(expect.arrayContaining(["reports.callback_requested", "wrong_number_entries.company_name_kana"]));
    const row = await t.db.selectFrom("reports").select(["callbackRequested", "bodyHtml"]).limit(1).execute();
    expect(row).toEqual([]);
  });

  it("fills a default timestamp in the same ISO form the app writes", async () => {
    await t.db.insertInto("agencies").values({ id: "a-default", name: "x", mailDomain: "x.example" }).execute();
    const row = await t.db.selectFrom("agencies").select("createdAt").where("id", "=", "a-default").executeTakeFirstOrThrow();
    expect(row.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(row.createdAt) - Date.now())).toBeLessThan(60_000);
  });

  it("enforces foreign keys", async () => {
    await expect(
      t.db
        .insertInto("contracts")
        .values({ id: "c-orphan", agencyId: "no-such-agency", legalEntityName: "x", answerName: "x" })
        .execute(),
    ).rejects.toThrow();
  });

  it("stores Japanese text intact", async () => {
    const result = await sql<{ v: string }>`select ${"株式会社山田商事"} as v`.execute(t.db);
    expect(result.rows[0]?.v).toBe("株式会社山田商事");
  });
});

describe("createDb", () => {
  it("opens :memory: SQLite with foreign keys on", async () => {
    const { db, dialect, close } = createDb(":memory:");
    expect(dialect).toBe("sqlite");
    const result = await sql<{ foreignKeys: number }>`pragma foreign_keys`.execute(db);
    expect(result.rows[0]?.foreignKeys).toBe(1);
    await close();
  });
});

describe("createDb on an SQLite file", () => {
  it("creates the parent folder and opens the file in WAL mode", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uketsuke-connect-"));
    try {
      for (const url of [`file:${dir}/a/b/one.sqlite`, join(dir, "c", "two.sqlite")]) {
        const { db, close } = createDb(url);
        await migrateToLatest(db);
        const result = await sql<{ journalMode: string }>`pragma journal_mode`.execute(db);
        expect(result.rows[0]?.journalMode).toBe("wal");
        await close();
      }
      expect(existsSync(join(dir, "a", "b", "one.sqlite"))).toBe(true);
      expect(existsSync(join(dir, "c", "two.sqlite"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
