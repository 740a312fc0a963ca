import type { ReportMailState } from "@uketsuke/db";

export const TIMELINE_STEPS = ["received", "queued", "delivered", "captured", "retrying", "failed", "reminded", "opened", "callback_done"] as const;
export type TimelineStep = {
  kind: (typeof TIMELINE_STEPS)[number];
  at: string;
  /** Who did it, for steps a person of the client took (opened, callback done). */
  by: string | null;
  /** Why a mail is not delivered yet: the mail server's answer. */
  detail: string | null;
};

/**
 * A report's life after the call, in the order it happened: taken, its mail queued, then handed
 * to the mail server (or kept, with no mail server configured; or retrying / failed, with the
 * server's answer), reminders delivered, first opened in the dashboard, the callback done.
 */
export function reportTimeline(input: {
  receivedAt: string;
  mails: readonly ReportMailState[];
  opened: { at: string; displayName: string | null } | undefined;
  callback: { doneAt: string | null; doneByName: string | null } | undefined;
}): TimelineStep[] {
  const step = (kind: TimelineStep["kind"], at: string, by: string | null = null, detail: string | null = null): TimelineStep => ({ kind, at, by, detail });
  const steps: TimelineStep[] = [step("received", input.receivedAt)];
  for (const mail of input.mails) {
    if (mail.kind === "reminder") {
      if ((mail.status === "sent" || mail.status === "captured") && mail.sentAt) steps.push(step("reminded", mail.sentAt));
      continue;
    }
    if (mail.kind !== "report") continue;
    steps.push(step("queued", mail.createdAt));
    if (mail.status === "sent" && mail.sentAt) steps.push(step("delivered", mail.sentAt));
    else if (mail.status === "captured" && mail.sentAt) steps.push(step("captured", mail.sentAt));
    else if (mail.status === "failed") steps.push(step("failed", mail.nextAttemptAt, null, mail.lastError));
    else if (mail.attempts > 0 && mail.lastError) steps.push(step("retrying", mail.nextAttemptAt, null, mail.lastError));
  }
  if (input.opened) steps.push(step("opened", input.opened.at, input.opened.displayName));
  if (input.callback?.doneAt) steps.push(step("callback_done", input.callback.doneAt, input.callback.doneByName));
  // Stable: equal instants keep the order above (queued right after received, and so on).
  return steps.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => a.at.localeCompare(b.at) || i - j).map(([s]) => s);
}
