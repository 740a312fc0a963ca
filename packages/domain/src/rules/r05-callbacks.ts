/**
 * R5 — Q5: the agency blocks no one and never gate-keeps. It always takes the message; a caller
 * waiting for a callback is the client's to call back, urgently. So "callback requested" is a
 * first-class state, and reminders go out until the client marks it done.
 */
import { refuse } from "../messages/domain-error.ts";
import { isOpen, nextOpening } from "../calendar/business-calendar.ts";
import type { CallbackStatus } from "../vocabulary.ts";

/** Q5: "当社側で着信拒否などの設定はできません". There is no block list to add to. */
export function requestBlock(_callerOrNumber?: unknown): never {
  return refuse("R5_BLOCKING_NOT_OFFERED");
}

/** A callback goes from open to done once; marking it again is refused, not silently repeated. */
export function assertCallbackOpen(status: CallbackStatus): void {
  if (status !== "open") refuse("R5_CALLBACK_ALREADY_DONE");
}

export type ReminderPolicy = {
  /** The first reminder, this long after the callback was requested. */
  readonly firstAfterMinutes: number;
  /** Then again at this interval until done. */
  readonly everyMinutes: number;
};

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { firstAfterMinutes: 30, everyMinutes: 120 };

export type ReminderState = {
  readonly requestedAt: Date;
  readonly lastRemindedAt: Date | null;
  readonly status: CallbackStatus;
};

/**
 * When the next reminder is due. Reminders wait for business hours (R9): a reminder at 3 a.m.
 * is noise, and the first one in the morning is what gets the callback made.
 */
export function nextReminderAt(state: ReminderState, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): Date | null {
  if (state.status === "done") return null;
  const base = state.lastRemindedAt ?? state.requestedAt;
  const wait = state.lastRemindedAt ? policy.everyMinutes : policy.firstAfterMinutes;
  const due = new Date(base.getTime() + wait * 60_000);
  return isOpen(due) ? due : nextOpening(due);
}

export function isReminderDue(state: ReminderState, now: Date, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): boolean {
  const due = nextReminderAt(state, policy);
  return due !== null && due.getTime() <= now.getTime() && isOpen(now);
}
