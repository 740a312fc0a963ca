/**
 * Housekeeping that keeps the tables from growing without bound: expired sessions, and login
 * attempts older than a day (the throttle only looks back fifteen minutes).
 */
import { deleteExpiredSessions, deleteLoginAttemptsBefore, type Executor } from "@uketsuke/db";
import type { Logger } from "./logger.ts";

export async function runMaintenance(db: Executor, now: Date): Promise<{ sessions: number; loginAttempts: number }> {
  const sessions = await deleteExpiredSessions(db, now.toISOString());
  const loginAttempts = await deleteLoginAttemptsBefore(db, new Date(now.getTime() - 24 * 3_600_000).toISOString());
  return { sessions, loginAttempts };
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
