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
        requestedAt: new Date(callback.requestedAt),
        lastRemindedAt: callback.lastRemindedAt ? new Date(callback.lastRemindedAt) : null,
        status: callback.status,
      };
      if (!isReminderDue(state, now, policy) || !callback.callbackNumber) continue;
      const done = await inTransaction(db, async (trx) => {
        const mailbox = await getReportOperatorMailbox(trx, callback.reportId);
        if (!mailbox) return false;
        const mail = composeCallbackReminder({
          callbackId: callback.id,
          reminderNumber: callback.reminderCount + 1,
          agencyDomain,
          operatorMailbox: mailbox,
          recipientName: callback.routedName,
          recipientAddress: callback.routedAddress,
          requestedAt: state.requestedAt,
          now,
          caller: { company: callback.callerCompany, name: callback.callerName },
          callbackNumber: callback.callbackNumber ?? "",
          message: callback.message,
        });
        // recordReminder only matches an open callback: one marked done meanwhile gets no mail.
        if (!(await recordReminder(trx, callback.id, now.toISOString()))) return false;
        await queueMail(trx, mail, { kind: "reminder", callbackId: callback.id, reportId: callback.reportId, nextAttemptAt: now.toISOString() });
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
