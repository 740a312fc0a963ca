import type { AnswerWait } from "@uketsuke/db";

/**
 * The figure call centres are judged by: the share of calls answered within a target (the
 * industry's classic service level is 80 % within 20 seconds) and the median and 90th percentile
 * of ring-to-answer. Waits come in whole seconds rounded up, so "within 20 s" is `seconds <= 20`.
 */
export const ANSWER_TARGET_SECONDS = 20;

export type SpeedOfAnswer = {
  answered: number;
  withinTarget: number;
  targetSeconds: number;
  /** withinTarget / answered, or null before any call was answered. */
  share: number | null;
  p50Seconds: number | null;
  p90Seconds: number | null;
};

/** The `percent`-th percentile by nearest rank: the smallest wait that at least that share of calls did not exceed. */
function percentile(waits: readonly AnswerWait[], answered: number, percent: number): number | null {
  if (answered === 0) return null;
  // Whole numbers only: 0.9 × 30 in floating point is 27.000000000000004, one rank too far.
  const rank = Math.ceil((percent * answered) / 100);
  let seen = 0;
  for (const wait of waits) {
    seen += wait.calls;
    if (seen >= rank) return wait.seconds;
  }
  return null;
}

export function speedOfAnswer(histogram: readonly AnswerWait[]): SpeedOfAnswer {
  const waits = [...histogram].sort((a, b) => a.seconds - b.seconds);
  const answered = waits.reduce((sum, w) => sum + w.calls, 0);
  const withinTarget = waits.filter((w) => w.seconds <= ANSWER_TARGET_SECONDS).reduce((sum, w) => sum + w.calls, 0);
  return {
    answered,
    withinTarget,
    targetSeconds: ANSWER_TARGET_SECONDS,
    share: answered === 0 ? null : withinTarget / answered,
    p50Seconds: percentile(waits, answered, 50),
    p90Seconds: percentile(waits, answered, 90),
  };
}
