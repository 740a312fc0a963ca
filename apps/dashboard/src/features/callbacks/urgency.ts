import { DEFAULT_REMINDER_POLICY, formatAge, type LocalizedText } from "@uketsuke/domain";
import { m } from "../../messages.ts";

export type Urgency = "new" | "waiting" | "urgent";

/**
 * R5: a caller waiting for a callback is the client's to call back, urgently. The colour grows
 * with the wait on the same steps as the reminders: new until the first reminder would go,
 * waiting after it, urgent once a second reminder is due.
 */
export function urgencyOf(waitedMinutes: number): Urgency {
  const { firstAfterMinutes, everyMinutes } = DEFAULT_REMINDER_POLICY;
  if (waitedMinutes < firstAfterMinutes) return "new";
  if (waitedMinutes < firstAfterMinutes + everyMinutes) return "waiting";
  return "urgent";
}

export const urgencyLabel: Record<Urgency, LocalizedText> = {
  new: m.urgencyNew,
  waiting: m.urgencyWaiting,
  urgent: m.urgencyUrgent,
};

/** 95 → 1時間35分 / 1 h 35 min, in the domain's wording of an age. */
export function waitedText(minutes: number): LocalizedText {
  return formatAge(new Date(0), new Date(minutes * 60_000));
}
