/**
 * When a failed delivery is tried again: exponential (base · 2^(attempt−1), capped), with
 * "equal jitter" — half the delay fixed, half random — so a mail server coming back is not hit
 * by every waiting mail in the same second, and no retry comes sooner than half its step.
 *
 * And when it is given up: a mail server that answers "try later" (4xx) for an afternoon, or a
 * weekend, must not cost a client its reports, so the rule is a horizon of time (days by
 * default), not a count of attempts; the cap keeps the attempts at least every half hour.
 */
export type BackoffPolicy = { baseMs: number; capMs: number; giveUpAfterMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 30 * 60_000, giveUpAfterMs: 72 * 3_600_000 };

export function retryDelayMs(attempt: number, policy: Pick<BackoffPolicy, "baseMs" | "capMs">, random: () => number = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Whether a run of attempts that began at `since` has reached the horizon at `now`. */
export function pastHorizon(since: Date, now: Date, policy: Pick<BackoffPolicy, "giveUpAfterMs">): boolean {
  return now.getTime() - since.getTime() >= policy.giveUpAfterMs;
}
