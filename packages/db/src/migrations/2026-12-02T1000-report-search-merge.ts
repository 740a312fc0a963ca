import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf, type Executor } from "../executor.ts";
import { compactSearchIndex } from "../queries/report-search.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * SQLite: FTS5's merge command (`compactSearchIndex`, run by the hourly maintenance) merges a
 * level once it holds `usermerge` segments; at 2 (the least) no level keeps two, so a search
 * reads each token in about one segment per level instead of up to four. Then the segments that
 * existing databases already hold are merged (a million reports: about 8 s, in 20–80 ms steps).
 * PostgreSQL's GIN index has no segments.
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await sql`insert into report_search_fts (report_search_fts, rank) values ('usermerge', 2)`.execute(db);
  await compactSearchIndex(db as Executor);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await sql`insert into report_search_fts (report_search_fts, rank) values ('usermerge', 4)`.execute(db);
}
