import { sql } from "kysely";
import type { Kysely } from "kysely";

// Migrations see the database as it was when they were written, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The figures of settled days, kept (queries/agency-figures.ts, `settledFigures`): a Tokyo day
 * whose calls can no longer change is counted once, so the figures page reads about thirty small
 * rows per figure instead of scanning a month of calls on every visit.
 * - `figure_days`: one row per counted day, with what the day held when it was counted (calls,
 *   reports, calls still ringing); a difference later means the day changed and is counted again.
 * - `figure_day_counts`: the day's counts by figure (`hour`, `wait`, `operator`, `outcome`,
 *   `contract`) and key (the UTC hour, the seconds waited, the operator, the outcome, the contract).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("figure_days")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("calls", "integer", (c) => c.notNull())
    .addColumn("reports", "integer", (c) => c.notNull())
    .addColumn("ringing", "integer", (c) => c.notNull())
    .addColumn("counted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("figure_day_counts")
    .addColumn("day", "text", (c) => c.notNull().references("figure_days.day").onDelete("cascade"))
    .addColumn("figure", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("calls", "integer", (c) => c.notNull())
    .addColumn("answered", "integer", (c) => c.notNull())
    .addColumn("missed", "integer", (c) => c.notNull())
    .addColumn("closed", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("figure_day_counts_pk", ["day", "figure", "key"])
    .addCheckConstraint("figure_day_counts_figure_check", sql`figure in ('hour', 'wait', 'operator', 'outcome', 'contract')`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("figure_day_counts").execute();
  await db.schema.dropTable("figure_days").execute();
}
