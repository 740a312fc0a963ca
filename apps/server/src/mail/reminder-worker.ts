/**
 * R5: open callbacks are reminded on the domain's schedule until the client marks them done.
 * Each reminder is an outbox mail like any other; its Message-ID names the callback and the
 * reminder's number, so two workers racing to send the same reminder queue it only once.
 */
import { composeCallbackReminder, isReminderDue, type ReminderPolicy } from "@uketsuke/domain";
import {
  getReportOperatorMailbox,
  inTransaction,
  listOpenCallbacksAll,
  queueMail,
  recordReminder,
  type Executor,
} from "@uketsuke/db";
import type { Logger } from "../logger.ts";

export type ReminderWorkerOptions = {
  db: Executor;
  clock: () => Date;
  agencyDomain: string;
  policy: ReminderPolicy;
  logger: Logger;
  intervalMs?: number;
  onQueued?: () => void;
};

export class ReminderWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly options: ReminderWorkerOptions) {}

  start(): void {
    const tick = () => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.logger.error({ err: error }, "reminders: run failed"))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs ?? 60_000);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Queues every reminder due now; returns how many. */
  async runOnce(): Promise<number> {
    const { db, clock, agencyDomain, policy } = this.options;
    const now = clock();
    let queued = 0;
    for (const callback of await listOpenCallbacksAll(db)) {
      const state = {
        requestedAt: new Date(callback.requested_at),
        lastRemindedAt: callback.last_reminded_at ? new Date(callback.last_reminded_at) : null,
        status: callback.status,
      };
      if (!isReminderDue(state, now, policy) || !callback.callback_number) continue;
      const done = await inTransaction(db, async (trx) => {
        const mailbox = await getReportOperatorMailbox(trx, callback.report_id);
        if (!mailbox) return false;
        const mail = composeCallbackReminder({
          callbackId: callback.id,
          reminderNumber: callback.reminder_count + 1,
          agencyDomain,
          operatorMailbox: mailbox,
          recipientName: callback.routed_name,
          recipientAddress: callback.routed_address,
          requestedAt: state.requestedAt,
          now,
          caller: { company: callback.caller_company, name: callback.caller_name },
          callbackNumber: callback.callback_number ?? "",
          message: callback.message,
        });
        // recordReminder only matches an open callback: one marked done meanwhile gets no mail.
        if (!(await recordReminder(trx, callback.id, now.toISOString()))) return false;
        await queueMail(trx, mail, { kind: "reminder", callbackId: callback.id, reportId: callback.report_id, nextAttemptAt: now.toISOString() });
        return true;
      }).catch((error: unknown) => {
        this.options.logger.warn({ err: error, callbackId: callback.id }, "reminders: not queued");
        return false;
      });
      if (done) queued++;
    }
    if (queued > 0) this.options.onQueued?.();
    return queued;
  }
}
