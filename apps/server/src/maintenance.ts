/**
 * Housekeeping that keeps the tables from growing without bound: expired sessions, login
 * attempts older than a day (the throttle only looks back fifteen minutes), and on SQLite the
 * search index's segments, which every 64th save adds one of and every search reads.
 */
import { compactSearchIndex, deleteExpiredSessions, deleteLoginAttemptsBefore, type Executor } from "@uketsuke/db";
import type { Logger } from "./logger.ts";

/**
 * Merge steps one run may take (each 20–80 ms, other work runs between them): an hour of saves
 * needs a few; a database that was never merged (a million reports: about 220) is finished by the
 * next runs.
 */
const SEARCH_MERGE_STEPS = 200;

export async function runMaintenance(db: Executor, now: Date): Promise<{ sessions: number; loginAttempts: number; searchMergeSteps: number }> {
  const sessions = await deleteExpiredSessions(db, now.toISOString());
  const loginAttempts = await deleteLoginAttemptsBefore(db, new Date(now.getTime() - 24 * 3_600_000).toISOString());
  const merged = await compactSearchIndex(db, { maxSteps: SEARCH_MERGE_STEPS });
  return { sessions, loginAttempts, searchMergeSteps: merged.steps };
}

/** Runs maintenance now and then every `intervalMs`; returns the stop function. */
export function scheduleMaintenance(db: Executor, clock: () => Date, logger: Logger, intervalMs = 3_600_000): () => void {
  const run = () =>
    runMaintenance(db, clock()).then(
      (removed) => logger.debug(removed, "maintenance"),
      (error: unknown) => logger.warn({ err: error }, "maintenance failed"),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
