/**
 * Delivers the outbox. The report and its outbox row were committed together, so the mail
 * exists before anyone tries to send it; this worker claims due rows (a lease that expires if
 * the process dies mid-send), delivers them, and schedules a retry on failure. Delivery is
 * at-least-once: a crash after sending but before marking sends again, with the same Message-ID.
 */
import { claimDueOutbox, markFailedAttempt, type Executor, type OutboxMessage } from "@uketsuke/db";
import type { Logger } from "../logger.ts";
import { DEFAULT_BACKOFF, pastHorizon, retryDelayMs, type BackoffPolicy } from "./backoff.ts";
import type { Deliverer } from "./deliverer.ts";

export type OutboxWorkerOptions = {
  db: Executor;
  deliverer: Deliverer;
  clock: () => Date;
  logger: Logger;
  batchSize?: number;
  pollMs?: number;
  /** How long a claimed row stays ours; after that another worker may take it over. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
};

function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoff: BackoffPolicy;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.batchSize = options.batchSize ?? 50;
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** New mail was queued: look now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the mail in flight to finish (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.options.deliverer.close();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        this.schedule(this.again ? 0 : this.pollMs);
        this.again = false;
      });
    }, ms);
  }

  /** Delivers batches until nothing is due. */
  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce()) === this.batchSize);
    } catch (error) {
      this.options.logger.error({ err: error }, "outbox: claiming failed");
    }
  }

  /** One batch: claim, deliver in parallel (the SMTP pool bounds the connections). */
  async runOnce(): Promise<number> {
    const now = this.options.clock();
    const rows = await claimDueOutbox(this.options.db, { nowIso: now.toISOString(), limit: this.batchSize, lockForMs: this.leaseMs });
    await Promise.all(rows.map((row) => this.deliverOne(row)));
    return rows.length;
  }

  private async deliverOne(row: OutboxMessage): Promise<void> {
    const { db, deliverer, logger, clock } = this.options;
    try {
      await deliverer.deliver(db, row, clock());
      logger.debug({ outboxId: row.id, messageId: row.messageId, via: deliverer.kind }, "outbox: delivered");
    } catch (error) {
      const attempts = row.attempts;
      const now = clock();
      // An SMTP 5xx is the receiving server's final word (no such mailbox, policy refusal):
      // trying again changes nothing, so the row fails at once for a supervisor to look at.
      // Anything else (4xx, a server that is down) is tried again until the horizon, counted
      // from the first queueing or from a supervisor's last retry.
      const permanent = isPermanentSmtpError(error);
      const final = permanent || pastHorizon(new Date(row.retrySince ?? row.createdAt), now, this.backoff);
      const next = new Date(now.getTime() + retryDelayMs(attempts, this.backoff));
      const text = error instanceof Error ? error.message : String(error);
      await markFailedAttempt(db, row.id, text.slice(0, 1000), next.toISOString(), final).catch((markError: unknown) =>
        logger.error({ err: markError, outboxId: row.id }, "outbox: could not record the failure"),
      );
      logger.warn({ outboxId: row.id, attempts, final, nextAttemptAt: next.toISOString(), error: text }, "outbox: delivery failed");
    }
  }
}
