import { countRecentFailures, deleteLoginAttempt, recordLoginAttempt, type Executor } from "@uketsuke/db";

/**
 * How many failed sign-ins are checked before the client must wait: per address from one client,
 * and per client over all addresses (one address spraying guesses at many accounts). An attacker's
 * failures never count against the owner signing in from elsewhere: no address is locked outright.
 */
export const LOGIN_LIMITS = { perAddressFromClient: 5, perClient: 20, windowMinutes: 15 } as const;

export type Admission = { admitted: true; attemptId: string } | { admitted: false };

/**
 * The attempt is written first, as a failure, and only then counted: of any number of parallel
 * attempts, the k-th to be written sees at least k, so no more than the limit are ever let through
 * to the password check. A refused attempt is taken back out, so that knocking on a closed door
 * does not keep it closed longer. The caller marks an admitted attempt a success if it was one.
 */
export async function admitLoginAttempt(db: Executor, attempt: { email: string; ip: string | null; now: Date }): Promise<Admission> {
  const since = new Date(attempt.now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
  const over = async (self: number) => {
    const [fromClient, overall] = await Promise.all([
      countRecentFailures(db, { email: attempt.email, ip: attempt.ip }, since),
      attempt.ip === null ? 0 : countRecentFailures(db, { ip: attempt.ip }, since),
    ]);
    return fromClient + 1 - self > LOGIN_LIMITS.perAddressFromClient || overall + 1 - self > LOGIN_LIMITS.perClient;
  };
  // Already over the limit: refused with two reads and no write, the cheap answer to a flood.
  if (await over(0)) return { admitted: false };
  const attemptId = await recordLoginAttempt(db, { email: attempt.email, ip: attempt.ip, success: false, at: attempt.now.toISOString() });
  if (await over(1)) {
    await deleteLoginAttempt(db, attemptId);
    return { admitted: false };
  }
  return { admitted: true, attemptId };
}
