import { Migrator } from "kysely";
import type { Kysely, Migration, MigrationProvider } from "kysely";
import type { Database } from "../schema.ts";
import * as initial from "./2026-11-25T0900-initial.ts";
import * as desk from "./2026-12-01T1400-desk.ts";
import * as dashboard from "./2026-12-01T1500-dashboard.ts";
import * as reportSearch from "./2026-12-01T1600-report-search.ts";
import * as figureDays from "./2026-12-01T1700-figure-days.ts";
import * as invitations from "./2026-12-02T0900-invitations.ts";
import * as reportSearchWrites from "./2026-12-01T1800-report-search-writes.ts";
import * as reportSearchMerge from "./2026-12-02T1000-report-search-merge.ts";
import * as reportSearchOrder from "./2026-12-02T1100-report-search-order.ts";
import * as reportSearchPendingText from "./2026-12-02T1200-report-search-pending-text.ts";
import * as invitationsOneOpen from "./2026-12-02T1300-invitations-one-open.ts";

/**
 * Every migration, by name. Names are times so they sort in the order they were written;
 * an inline object (no directory scan) works the same from source, a bundle or a test.
 */
const migrations: Record<string, Migration> = {
  "2026-11-25T0900-initial": initial,
  "2026-12-01T1400-desk": desk,
  "2026-12-01T1500-dashboard": dashboard,
  "2026-12-01T1600-report-search": reportSearch,
  "2026-12-01T1700-figure-days": figureDays,
  "2026-12-02T0900-invitations": invitations,
  "2026-12-01T1800-report-search-writes": reportSearchWrites,
  "2026-12-02T1000-report-search-merge": reportSearchMerge,
  "2026-12-02T1100-report-search-order": reportSearchOrder,
  "2026-12-02T1200-report-search-pending-text": reportSearchPendingText,
  "2026-12-02T1300-invitations-one-open": invitationsOneOpen,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Brings the database to the newest schema; throws the first failure. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`migration ${failed ?? "(unknown)"} failed`, { cause: error });
  }
}
