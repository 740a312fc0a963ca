import { sql } from "kysely";
import type { CallOutcome } from "@uketsuke/domain";
import { toCount } from "../executor.ts";
import type { Executor } from "../executor.ts";

/**
 * A contract's reports in [from, to) counted per UTC hour and outcome. The hour is the first 13
 * characters of the stored ISO instant (`2026-11-24T01`), the same text on both engines; the
 * caller turns UTC hours into Tokyo days and hours. At most 24 × days × 4 rows, however many
 * reports there are.
 */
export async function countReportsByHour(
  db: Executor,
  contractId: string,
  range: { from: string; to: string },
): Promise<Array<{ utcHour: string; outcome: CallOutcome; count: number }>> {
  const hour = sql<string>`substr(received_at, 1, 13)`;
  const rows = await db
    .selectFrom("reports")
    .select((eb) => [hour.as("utcHour"), "outcome", eb.fn.countAll().as("count")])
    .where("contractId", "=", contractId)
    .where("receivedAt", ">=", range.from)
    .where("receivedAt", "<", range.to)
    .groupBy([hour, "outcome"])
    .execute();
  return rows.map((r) => ({ utcHour: r.utcHour, outcome: r.outcome, count: toCount(r.count) }));
}
