/**
 * When a failed delivery is tried again: exponential (base · 2^(attempt−1), capped), with
 * "equal jitter" — half the delay fixed, half random — so a mail server coming back is not hit
 * by every waiting mail in the same second, and no retry comes sooner than half its step.
 */
export type BackoffPolicy = { baseMs: number; capMs: number; maxAttempts: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 30 * 60_000, maxAttempts: 10 };

export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
